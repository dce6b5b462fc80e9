using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>An exported observation in JSON: the CSV's columns as camelCase properties, null where the CSV cell is empty.</summary>
public sealed record ObservationJson(
    string ParkCode, string ParkName, string? Subject, string IndicatorCode, string IndicatorName, string PeriodKind,
    DateOnly Start, DateOnly End, string Label, decimal Value, string Unit, decimal ReportedValue, string ReportedUnit,
    string Qualifier, string Source, DateOnly? SourceDate, string Quote);

/// <summary>A page of the long layout: <see cref="Total"/> rows match the filters; <see cref="Next"/> is the cursor of the next page, null on the last.</summary>
public sealed record ObservationPage(int Total, int Limit, string? Next, IReadOnlyList<ObservationJson> Rows);

/// <summary>A period column of the wide layout: its header, its period, and whether it holds forecasts.</summary>
public sealed record WideColumnJson(string Label, string PeriodKind, DateOnly Start, DateOnly End, bool Forecast);

/// <summary>
/// A wide row: <see cref="Values"/> and <see cref="Qualifiers"/> hold a value and its qualifier's code per entry of
/// <see cref="WidePage.Columns"/>, null where missing; <see cref="Rank"/> as in the CSV's “来源次序”.
/// </summary>
public sealed record WideRowJson(
    string ParkCode, string ParkName, string? Subject, string IndicatorCode, string IndicatorName, string PeriodKind, string Unit, int Rank,
    IReadOnlyList<decimal?> Values, IReadOnlyList<string?> Qualifiers);

/// <summary>A page of the wide layout: the rows of up to <see cref="Limit"/> series of the <see cref="Total"/> that match, and the period columns of them all.</summary>
public sealed record WidePage(int Total, int Limit, string? Next, IReadOnlyList<WideColumnJson> Columns, IReadOnlyList<WideRowJson> Rows);

public static class ExportJson
{
    /// <summary>Web defaults (camelCase), with Chinese written as characters rather than \u escapes.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task<ObservationPage> LongPageAsync(ExportReader reader, ExportRequest request, int total, CancellationToken ct)
    {
        var (zh, labels, limit) = (request.IsChinese, new PeriodLabels(request.Culture), request.Page.Limit);
        var rows = new List<ExportRow>(Math.Min(limit + 1, 1024));
        await foreach (var r in reader.RowsAsync(request.Page.After, limit + 1, ct)) rows.Add(r);
        var next = rows.Count > limit ? ExportCursor.Of(ExportPosition.Of(rows[limit - 1])) : null;
        return new ObservationPage(total, limit, next, [.. rows.Take(limit).Select(r => new ObservationJson(
            r.ParkCode, zh ? r.ParkNameZh : r.ParkNameEn, r.Enterprise, r.IndicatorCode, zh ? r.IndicatorNameZh : r.IndicatorNameEn,
            EnumCode.Of(r.PeriodKind), r.Start, r.End, labels.Of(r), ExportText.Plain(r.Value), r.Unit, ExportText.Plain(r.ReportedValue), r.ReportedUnit,
            EnumCode.Of(r.Qualifier), r.SourceTitle, r.SourcePublishedOn, r.Quote))]);
    }

    public static async Task<WidePage> WidePageAsync(ExportReader reader, WideLayout layout, ExportRequest request, int total, CancellationToken ct)
    {
        var (zh, labels, limit) = (request.IsChinese, new PeriodLabels(request.Culture), request.Page.Limit);
        var columns = layout.Columns.Select(c => new WideColumnJson(c.Header, EnumCode.Of(c.Kind), c.Start, c.End, c.Forecast)).ToList();
        var (through, more) = await reader.SeriesPageAsync(request.Page.SeriesAfter, limit, ct);
        var rows = new List<WideRowJson>();
        if (through is not null)
            await foreach (var row in layout.RowsAsync(reader.SeriesRowsAsync(request.Page.SeriesAfter, through, ct), labels, ct))
            {
                var r = row.First;
                rows.Add(new WideRowJson(r.ParkCode, zh ? r.ParkNameZh : r.ParkNameEn, r.Enterprise, r.IndicatorCode, zh ? r.IndicatorNameZh : r.IndicatorNameEn,
                    EnumCode.Of(r.PeriodKind), r.Unit, row.Rank, [.. row.Cells.Select(c => c?.Value)], [.. row.Cells.Select(c => c is { } cell ? EnumCode.Of(cell.Qualifier) : null)]));
            }
        return new WidePage(total, limit, more ? ExportCursor.Of(through!) : null, columns, rows);
    }
}
