using System.Runtime.CompilerServices;
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

public sealed record WideColumnJson(string Label, string PeriodKind, DateOnly Start, DateOnly End);

/// <summary>A wide row in JSON: <see cref="Values"/> holds one value per entry of <see cref="WideJson.Columns"/>, null where missing.</summary>
public sealed record WideRowJson(
    string ParkCode, string ParkName, string? Subject, string IndicatorCode, string IndicatorName, string PeriodKind, string Unit,
    IReadOnlyList<decimal?> Values);

/// <summary>The wide export in JSON: the period columns (the CSV's headers), then the rows, streamed.</summary>
public sealed record WideJson(IReadOnlyList<WideColumnJson> Columns, IAsyncEnumerable<WideRowJson> Rows);

public static class ExportJson
{
    /// <summary>Web defaults (camelCase), with Chinese written as characters rather than \u escapes.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async IAsyncEnumerable<ObservationJson> LongAsync(IAsyncEnumerable<ExportRow> rows, ExportRequest request,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var zh = request.IsChinese;
        var labels = new PeriodLabels(request.Culture);
        await foreach (var r in rows.WithCancellation(ct))
            yield return new ObservationJson(r.ParkCode, zh ? r.ParkNameZh : r.ParkNameEn, r.Enterprise, r.IndicatorCode,
                zh ? r.IndicatorNameZh : r.IndicatorNameEn, EnumCode.Of(r.PeriodKind), r.Start, r.End, labels.Of(r),
                ExportText.Plain(r.Value), r.Unit, ExportText.Plain(r.ReportedValue), r.ReportedUnit, EnumCode.Of(r.Qualifier),
                r.SourceTitle, r.SourcePublishedOn, r.Quote);
    }

    public static WideJson Wide(WideLayout layout, IAsyncEnumerable<ExportRow> rows, ExportRequest request, CancellationToken ct) =>
        new([.. layout.Columns.Select(c => new WideColumnJson(c.Header, EnumCode.Of(c.Kind), c.Start, c.End))], WideRowsAsync(layout, rows, request, ct));

    private static async IAsyncEnumerable<WideRowJson> WideRowsAsync(WideLayout layout, IAsyncEnumerable<ExportRow> rows, ExportRequest request,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var zh = request.IsChinese;
        await foreach (var (r, values) in layout.RowsAsync(rows, new PeriodLabels(request.Culture), ct))
            yield return new WideRowJson(r.ParkCode, zh ? r.ParkNameZh : r.ParkNameEn, r.Enterprise, r.IndicatorCode,
                zh ? r.IndicatorNameZh : r.IndicatorNameEn, EnumCode.Of(r.PeriodKind), r.Unit, values);
    }
}
