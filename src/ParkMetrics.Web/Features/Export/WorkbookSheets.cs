using System.Drawing;
using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// Writes a workbook's three sheets from the export's snapshot, a row at a time into one array of cells: text as
/// inline strings, numbers as numbers, dates with a date format, and period kinds and qualifiers as labels beside
/// their codes.
/// </summary>
internal sealed class WorkbookSheets(WorkbookSource source, Spreadsheet workbook, CancellationToken ct)
{
    private const string DateFormat = "yyyy-mm-dd";
    private readonly bool zh = source.Request.IsChinese;
    private readonly ExportWords words = source.Words;
    private readonly StyleId date = workbook.AddStyle(new Style { Format = NumberFormat.Custom(DateFormat) });
    private readonly StyleId header = workbook.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = Color.FromArgb(0xE7, 0xE6, 0xE6) } });

    /// <summary>The columns a data sheet begins with (park, subject, indicator, period kind), each as wide as the catalog's longest name.</summary>
    private IEnumerable<(double Width, double Max)> WhatWidths()
    {
        var (selection, catalog) = (source.Request.Selection, source.Catalog);
        var parks = selection.Parks.Count > 0 ? selection.Parks : [.. catalog.Parks.Values];
        var indicators = selection.Indicators.Count > 0 ? selection.Indicators : [.. catalog.Indicators.Values];
        static double Widest(IEnumerable<string> texts) => texts.Select(WorkbookColumn.WidthOf).DefaultIfEmpty(10).Max() + 2;
        return [(Widest(parks.Select(p => p.Code)), 80), (Widest(parks.Select(p => zh ? p.NameZh : p.NameEn)), 80), (30, 80),
            (Widest(indicators.Select(i => i.Code)), 80), (Widest(indicators.Select(i => zh ? i.NameZh : i.NameEn)), 80), (12, 80), (16, 80)];
    }

    private static IReadOnlyList<WorkbookColumn> Fit(IReadOnlyList<string> headers, IEnumerable<(double Width, double Max)> widths) =>
        [.. widths.Select((w, i) => WorkbookColumn.Fitted(headers[i], w.Width, w.Max))];

    private Cell Date(DateOnly? day) => day is { } d ? new Cell(d.ToDateTime(TimeOnly.MinValue), date) : new Cell((string?)null);

    /// <summary>One row per observation; returns how many.</summary>
    public async Task<long> WriteLongAsync()
    {
        await ExportWorkbook.StartSheetAsync(workbook, ExportWorkbook.DataSheet, Fit(ExportText.WorkbookLongHeader(zh),
            [.. WhatWidths(), (12, 80), (12, 80), (26, 80), (14, 80), (10, 80), (14, 80), (10, 80), (26, 80), (14, 80), (10, 80), (40, 80), (12, 80), (80, 80)]), header, ct);
        var labels = new PeriodLabels(source.Request.Culture);
        var cells = new Cell[20];
        long count = 0;
        await foreach (var r in source.Reader.RowsAsync(ct))
        {
            WriteWhat(cells, r);
            cells[7] = Date(r.Start);
            cells[8] = Date(r.End);
            cells[9] = new(labels.Of(r));
            cells[10] = new(ExportText.Plain(r.Value));
            cells[11] = new(r.Unit);
            cells[12] = new(ExportText.Plain(r.ReportedValue));
            cells[13] = new(r.ReportedUnit);
            cells[14] = new(words.Qualifier(r.Qualifier));
            cells[15] = new(EnumCode.Of(r.Qualifier));
            cells[16] = new(r.SourceId);
            cells[17] = new(r.SourceTitle);
            cells[18] = Date(r.SourcePublishedOn);
            cells[19] = new(r.Quote);
            await workbook.AddRowAsync(cells, ct);
            count++;
        }
        return count;
    }

    /// <summary>The first seven cells of a row in either layout: whose, which indicator, what kind of period.</summary>
    private void WriteWhat(Cell[] cells, ExportRow r)
    {
        cells[0] = new(r.ParkCode);
        cells[1] = new(zh ? r.ParkNameZh : r.ParkNameEn);
        cells[2] = new(r.Enterprise);
        cells[3] = new(r.IndicatorCode);
        cells[4] = new(zh ? r.IndicatorNameZh : r.IndicatorNameEn);
        cells[5] = new(words.Kind(r.PeriodKind));
        cells[6] = new(EnumCode.Of(r.PeriodKind));
    }

    /// <summary>One row per series and rank (see <see cref="WideLayout"/>), a value and a qualifier's code per period; returns how many.</summary>
    public async Task<long> WriteWideAsync(WideLayout layout)
    {
        var periods = layout.Columns.SelectMany(c => new (string Header, double Width, double Max)[] { (c.Header, 12, 40), (WideLayout.QualifierHeader(c, zh), 10, 44) }).ToList();
        await ExportWorkbook.StartSheetAsync(workbook, ExportWorkbook.DataSheet, Fit([.. ExportText.WorkbookWideHeader(zh), .. periods.Select(p => p.Header)],
            [.. WhatWidths(), (10, 80), (10, 80), .. periods.Select(p => (p.Width, p.Max))]), header, ct);
        var labels = new PeriodLabels(source.Request.Culture);
        var cells = new Cell[9 + 2 * layout.Columns.Count];
        long count = 0;
        await foreach (var row in layout.RowsAsync(source.Reader.RowsAsync(ct), labels, ct))
        {
            var r = row.First;
            WriteWhat(cells, r);
            cells[7] = new(r.Unit);
            cells[8] = new(row.Rank);
            for (var i = 0; i < row.Cells.Length; i++)
            {
                cells[9 + 2 * i] = new(row.Cells[i]?.Value);
                cells[10 + 2 * i] = new(row.Cells[i] is { } cell ? EnumCode.Of(cell.Qualifier) : null);
            }
            await workbook.AddRowAsync(cells, ct);
            count++;
        }
        return count;
    }

    /// <summary>A row per quote of each source, the first of them already asked for; returns how many.</summary>
    public async Task<long> WriteSourcesAsync(IAsyncEnumerator<ExportQuote> quotes, Task<bool> first)
    {
        await ExportWorkbook.StartSheetAsync(workbook, ExportWorkbook.SourcesSheet, Fit(ExportText.SourcesHeader(zh),
            [(10, 80), (40, 80), (14, 80), (20, 80), (12, 80), (12, 80), (40, 80), (80, 80), (10, 80)]), header, ct);
        var cells = new Cell[9];
        long count = 0;
        for (var more = await first; more; more = await quotes.MoveNextAsync())
        {
            var q = quotes.Current;
            cells[0] = new(q.SourceId);
            cells[1] = new(q.Title);
            cells[2] = new(words.SourceKind(q.Kind));
            cells[3] = new(q.Outlet);
            cells[4] = Date(q.PublishedOn);
            cells[5] = Date(q.AsOf);
            cells[6] = new(q.Url);
            cells[7] = new(q.Quote);
            cells[8] = new(q.Figures);
            await workbook.AddRowAsync(cells, ct);
            count++;
        }
        return count;
    }

    /// <summary>The filters, the export time, what the other sheets hold and the codes' labels.</summary>
    public async Task WriteAboutAsync(long dataRows, long quotes)
    {
        await ExportWorkbook.StartSheetAsync(workbook, ExportWorkbook.AboutSheet,
            [WorkbookColumn.Fitted(words["ExportAboutItem"], 28), WorkbookColumn.Fitted(words["ExportAboutDetail"], 100, max: 120)], header, ct);
        var cells = new Cell[2];
        foreach (var (item, detail) in AboutRows(dataRows, quotes))
        {
            cells[0] = new(item);
            cells[1] = new(detail);
            await workbook.AddRowAsync(cells, ct);
        }
    }

    private IEnumerable<(string Item, string Detail)> AboutRows(long dataRows, long quotes)
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
        yield return new(words["ExportAboutRows"], Text(dataRows));
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
