using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>A row of the long data sheet: the CSV's columns, period kinds and qualifiers with their labels beside their codes.</summary>
internal sealed record LongSheetRow(
    string ParkCode, string Park, string? Subject, string IndicatorCode, string Indicator, string Kind, string KindCode,
    DateOnly Start, DateOnly End, string Period, decimal Value, string Unit, decimal ReportedValue, string ReportedUnit,
    string Qualifier, string QualifierCode, int SourceId, string Source, DateOnly? SourceDate, string Quote);

/// <summary>A row of the sources sheet: a quote of a source, with the source's particulars.</summary>
internal sealed record SourceSheetRow(
    int SourceId, string Source, string SourceKind, string? Outlet, DateOnly? Published, DateOnly AsOf, string? Url, string Quote, int Figures);

internal sealed record AboutSheetRow(string Item, string Detail);

/// <summary>The rows of a workbook's three sheets, read from the export's snapshot as MiniExcel asks for them.</summary>
internal sealed class WorkbookSheets(WorkbookSource source, CancellationToken ct)
{
    private const string PeriodKey = "P", QualifierKey = "Q";
    private readonly bool zh = source.Request.IsChinese;
    private readonly ExportWords words = source.Words;
    private long quotes;

    public long DataRows { get; private set; }

    public IEnumerable<WorkbookColumn> Columns()
    {
        static IEnumerable<WorkbookColumn> Fit(IReadOnlyList<string> headers, (string Key, double Width, string? Format)[] columns) =>
            columns.Select((c, i) => WorkbookColumn.Fitted(c.Key, headers[i], c.Width, c.Format));
        const string date = WorkbookColumn.Date;
        var (selection, catalog) = (source.Request.Selection, source.Catalog);
        var parks = selection.Parks.Count > 0 ? selection.Parks : [.. catalog.Parks.Values];
        var indicators = selection.Indicators.Count > 0 ? selection.Indicators : [.. catalog.Indicators.Values];
        static double Widest(IEnumerable<string> texts) => texts.Select(WorkbookColumn.WidthOf).DefaultIfEmpty(10).Max() + 2;
        var what = new (string, double, string?)[]
        {
            ("ParkCode", Widest(parks.Select(p => p.Code)), null), ("Park", Widest(parks.Select(p => zh ? p.NameZh : p.NameEn)), null), ("Subject", 30, null),
            ("IndicatorCode", Widest(indicators.Select(i => i.Code)), null), ("Indicator", Widest(indicators.Select(i => zh ? i.NameZh : i.NameEn)), null),
            ("Kind", 12, null), ("KindCode", 16, null),
        };
        var columns = source.Layout is null
            ? Fit(ExportText.WorkbookLongHeader(zh), [.. what, ("Start", 12, date), ("End", 12, date), ("Period", 26, null), ("Value", 14, null), ("Unit", 10, null),
                ("ReportedValue", 14, null), ("ReportedUnit", 10, null), ("Qualifier", 26, null), ("QualifierCode", 14, null), ("SourceId", 10, null),
                ("Source", 40, null), ("SourceDate", 12, date), ("Quote", 80, null)])
            : Fit(ExportText.WorkbookWideHeader(zh), [.. what, ("Unit", 10, null), ("Rank", 10, null)])
                .Concat(source.Layout.Columns.SelectMany((c, i) => new[]
                {
                    WorkbookColumn.Fitted(PeriodKey + i, c.Header, 12, max: 40),
                    WorkbookColumn.Fitted(QualifierKey + i, WideLayout.QualifierHeader(c, zh), 10, max: 44),
                }));
        var sourceColumns = Fit(ExportText.SourcesHeader(zh), [("SourceId", 10, null), ("Source", 40, null), ("SourceKind", 14, null), ("Outlet", 20, null),
            ("Published", 12, date), ("AsOf", 12, date), ("Url", 40, null), ("Quote", 80, null), ("Figures", 10, null)]);
        var about = new[] { WorkbookColumn.Fitted("Item", words["ExportAboutItem"], 28), WorkbookColumn.Fitted("Detail", words["ExportAboutDetail"], 100, max: 120) };
        // The long sheet and the sources sheet share their source and quote columns, and MiniExcel knows columns by key.
        return columns.Concat(sourceColumns).Concat(about).DistinctBy(c => c.Key);
    }

    public IEnumerable<LongSheetRow> LongRows()
    {
        var labels = new PeriodLabels(source.Request.Culture);
        foreach (var r in BlockingBridge.Enumerate(source.Reader.RowsAsync(ct), ct))
        {
            DataRows++;
            yield return new LongSheetRow(r.ParkCode, zh ? r.ParkNameZh : r.ParkNameEn, r.Enterprise, r.IndicatorCode, zh ? r.IndicatorNameZh : r.IndicatorNameEn,
                words.Kind(r.PeriodKind), EnumCode.Of(r.PeriodKind), r.Start, r.End, labels.Of(r), ExportText.Plain(r.Value), r.Unit,
                ExportText.Plain(r.ReportedValue), r.ReportedUnit, words.Qualifier(r.Qualifier), EnumCode.Of(r.Qualifier), r.SourceId, r.SourceTitle,
                r.SourcePublishedOn, r.Quote);
        }
    }

    public IEnumerable<Dictionary<string, object?>> WideRows(WideLayout layout)
    {
        var labels = new PeriodLabels(source.Request.Culture);
        foreach (var row in BlockingBridge.Enumerate(layout.RowsAsync(source.Reader.RowsAsync(ct), labels, ct), ct))
        {
            DataRows++;
            var r = row.First;
            var cells = new Dictionary<string, object?>(9 + 2 * row.Cells.Length)
            {
                ["ParkCode"] = r.ParkCode, ["Park"] = zh ? r.ParkNameZh : r.ParkNameEn, ["Subject"] = r.Enterprise, ["IndicatorCode"] = r.IndicatorCode,
                ["Indicator"] = zh ? r.IndicatorNameZh : r.IndicatorNameEn, ["Kind"] = words.Kind(r.PeriodKind), ["KindCode"] = EnumCode.Of(r.PeriodKind),
                ["Unit"] = r.Unit, ["Rank"] = row.Rank,
            };
            for (var i = 0; i < row.Cells.Length; i++)
            {
                cells[PeriodKey + i] = row.Cells[i]?.Value;
                cells[QualifierKey + i] = row.Cells[i] is { } cell ? EnumCode.Of(cell.Qualifier) : null;
            }
            yield return cells;
        }
    }

    public IEnumerable<SourceSheetRow> SourceRows()
    {
        foreach (var q in BlockingBridge.Enumerate(source.Reader.QuotesAsync(ct), ct))
        {
            quotes++;
            yield return new SourceSheetRow(q.SourceId, q.Title, words.SourceKind(q.Kind), q.Outlet, q.PublishedOn, q.AsOf, q.Url, q.Quote, q.Figures);
        }
    }

    /// <summary>Enumerated after the other sheets: it tells how many rows they hold.</summary>
    public IEnumerable<AboutSheetRow> AboutRows()
    {
        var (filter, selection) = (source.Request.Filter, source.Request.Selection);
        var all = words["ExportAboutAll"];
        string Joined(IEnumerable<string> items) => items.Any() ? string.Join(zh ? "；" : "; ", items) : all;
        string Text(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        yield return new(words["ExportAboutTitle"], words["FooterNote"]);
        yield return new(words["ExportAboutExportedAt"], source.ExportedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        yield return new(words["ExportAboutVersion"], source.Version);
        yield return new(words["ExportAboutQuery"], source.Query);
        yield return new(words["ExportAboutLayout"], words[source.Layout is null ? "ExportAboutLayoutLong" : "ExportAboutLayoutWide"]);
        yield return new(words["ExportAboutRows"], Text(DataRows));
        yield return new(words["ExportAboutQuotes"], Text(quotes));
        yield return new(words["ExportAboutParks"], Joined(selection.Parks.Select(p => $"{p.Code} {(zh ? p.NameZh : p.NameEn)}")));
        yield return new(words["Indicator"], Joined(selection.Indicators.Select(i => $"{i.Code} {(zh ? i.NameZh : i.NameEn)}")));
        yield return new(words["Categories"], Joined(selection.Categories.Select(c => $"{c} {words.Category(c)}")));
        yield return new(words["Subject"], filter.Subject switch { ExportSubject.Park => words["ExportParksOwn"], ExportSubject.Enterprise => words["Enterprises"], _ => all });
        yield return new(words["ExportAboutKinds"], Joined((filter.PeriodKinds ?? []).Select(k => $"{EnumCode.Of(k)} {words.Kind(k)}")));
        yield return new(words["ExportAboutYears"], (filter.FromYear, filter.ToYear) switch
        {
            (null, null) => all,
            var (from, to) => $"{from?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{to?.ToString(CultureInfo.InvariantCulture) ?? "…"}",
        });
        yield return new(words["Source"], Joined(selection.Sources.Select(s => $"{s.Id} {s.Title}")));
        yield return new(words["ExportAboutValues"], words["ExportAboutValuesText"]);
        if (source.Layout is { } layout)
        {
            yield return new(words["ExportAboutWide"], words["ExportAboutWideText"]);
            foreach (var c in layout.Columns)
                yield return new($"{words["ExportAboutColumn"]} {c.Header}", $"{EnumCode.Of(c.Kind)} {Iso(c.Start)}/{Iso(c.End)} {words.Kind(c.Kind)}"
                    + (c.Forecast ? $" · {words.Qualifier(Qualifier.Forecast)}" : ""));
        }
        foreach (var q in Enum.GetValues<Qualifier>()) yield return new($"{words["Qualifier"]} {EnumCode.Of(q)}", words.Qualifier(q));
        foreach (var k in Enum.GetValues<PeriodKind>()) yield return new($"{words["ExportAboutKind"]} {EnumCode.Of(k)}", words.Kind(k));
        yield return new(words["ExportAboutLicence"], words["ExportAboutLicenceText"]);
    }
}
