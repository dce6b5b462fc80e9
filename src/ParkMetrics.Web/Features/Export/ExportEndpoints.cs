using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// <c>GET /api/observations.csv</c>, <c>GET /api/observations.xlsx</c> and <c>GET /api/observations</c> (JSON, in pages):
/// the observations that match the filters in the query string, long (one row per figure) or wide (one row per
/// subject, indicator and period kind, two columns per period), streamed from the database as they are read. Each
/// answers <c>304</c> to a request whose <c>If-None-Match</c> or <c>If-Modified-Since</c> still holds.
/// </summary>
public static partial class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Export").RequireRateLimiting(Hosting.ExportLimits.Policy);
        group.MapGet("/observations.csv", CsvAsync).WithName("ExportObservationsCsv")
            .WithSummary("观测值 CSV · Observations as CSV")
            .WithDescription("筛选后的全部数值，RFC 4180 CSV（UTF-8，默认带 BOM）。All matching figures as RFC 4180 CSV (UTF-8, with a byte order mark unless bom=false).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status304NotModified);
        group.MapGet("/observations.xlsx", WorkbookAsync).WithName("ExportObservationsWorkbook")
            .WithSummary("观测值 Excel 工作簿 · Observations as an Excel workbook")
            .WithDescription("筛选后的全部数值（observations 工作表），其来源与引文（sources），以及筛选条件、导出时间与许可说明（about）。"
                + " All matching figures (sheet observations), their sources and quotes (sources), and the filters, export time and licence (about).")
            .Produces(StatusCodes.Status200OK, contentType: ExportWorkbook.ContentType).Produces(StatusCodes.Status304NotModified);
        group.MapGet("/observations", JsonAsync).WithName("ExportObservationsJson")
            .WithSummary("观测值 JSON（分页）· Observations as JSON, in pages")
            .WithDescription("一页至多 limit 行（宽表为 limit 个序列），附总数 total；下一页以 cursor=next 请求，next 为 null 即最后一页。"
                + " A page of at most limit rows (series in the wide layout) with the total count; ask for the next one with cursor=next; next is null on the last page.")
            .Produces(StatusCodes.Status304NotModified);
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, StatusCodeHttpResult>> CsvAsync(
        [AsParameters] CsvParameters parameters, ExportQueries queries, HttpContext http, ILoggerFactory loggers,
        CancellationToken ct)
    {
        var (request, problem) = await CheckAsync(parameters, queries, ct);
        if (problem is not null) return problem;
        var reader = await OpenAsync(queries, request!, http, ct);
        if (ConditionalGet.IsNotModified(http, reader.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var layout = request!.Format == ExportFormat.WideForm ? await LayoutAsync(reader, request, ct) : null;
        http.Response.Headers.ContentDisposition = ExportFileName.ContentDisposition(request, new ExportWords(request.Culture), "csv");
        return TypedResults.Stream(body => StreamAsync(loggers, "CSV", request, () => layout is null
            ? ExportCsv.WriteLongAsync(body, request, reader.RowsAsync(ct), ct)
            : ExportCsv.WriteWideAsync(body, request, layout, reader.RowsAsync(ct), ct), ct), "text/csv; charset=utf-8");
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, StatusCodeHttpResult>> WorkbookAsync(
        [AsParameters] ExportParameters parameters, ExportQueries queries, HttpContext http, ILoggerFactory loggers,
        TimeProvider clock, CancellationToken ct)
    {
        var catalog = await queries.CatalogAsync(ct);
        var (request, problem) = CheckIn(parameters, catalog);
        if (problem is not null) return problem;
        var reader = await OpenAsync(queries, request!, http, ct);
        if (ConditionalGet.IsNotModified(http, reader.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var layout = request!.Format == ExportFormat.WideForm ? await LayoutAsync(reader, request, ct) : null;
        var words = new ExportWords(request.Culture);
        http.Response.Headers.ContentDisposition = ExportFileName.ContentDisposition(request, words, "xlsx");
        var source = new WorkbookSource(request, reader, layout, words, DateTimeOffset.UtcNow, http.Response.Headers.ETag.ToString(),
            http.Request.Path + http.Request.QueryString, catalog);
        return TypedResults.Stream(body => StreamAsync(loggers, "workbook", request, () => ExportWorkbook.WriteAsync(body, source, ct), ct),
            ExportWorkbook.ContentType);
    }

    private static async Task<Results<JsonHttpResult<ObservationPage>, JsonHttpResult<WidePage>, ValidationProblem, StatusCodeHttpResult>> JsonAsync(
        [AsParameters] PageParameters parameters, ExportQueries queries, QueryCache cache, HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await CheckAsync(parameters, queries, ct);
        if (problem is not null) return problem;
        var reader = await OpenAsync(queries, request!, http, ct);
        if (ConditionalGet.IsNotModified(http, reader.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var wide = request!.Format == ExportFormat.WideForm;
        // A client walking the pages asks for the same count each time: it is kept for the data's version and the filter.
        var total = await cache.GetAsync(TotalKey(request, reader.Version), () => wide ? reader.SeriesCountAsync(ct) : reader.CountAsync(ct));
        if (!wide) return TypedResults.Json(await ExportJson.LongPageAsync(reader, request, total, ct), ExportJson.Options);
        var layout = await LayoutAsync(reader, request, ct);
        return TypedResults.Json(await ExportJson.WidePageAsync(reader, layout, request, total, ct), ExportJson.Options);
    }

    private static string TotalKey(ExportRequest request, DataVersion version)
    {
        var f = request.Filter;
        static string Ids<T>(IEnumerable<T>? items) => items is null ? "" : string.Join(',', items.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        return string.Join('|', "export-total", request.FormatName, version, Ids(f.ParkIds), Ids(f.IndicatorIds), Ids(f.Categories), Ids(f.PeriodKinds),
            Ids(f.SourceIds), f.FromYear, f.ToYear, f.Subject);
    }

    private static async Task StreamAsync(ILoggerFactory loggers, string kind, ExportRequest request, Func<Task<long>> write, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(ExportEndpoints));
        var clock = Stopwatch.StartNew();
        try
        {
            var rows = await write();
            LogExported(logger, rows, kind, request.FormatName, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            LogCancelled(logger, kind, request.FormatName, clock.ElapsedMilliseconds); // the client went away; the query was cancelled with it
        }
    }

    private static async Task<(ExportRequest? Request, ValidationProblem? Problem)> CheckAsync(ExportParameters parameters, ExportQueries queries, CancellationToken ct) =>
        CheckIn(parameters, await queries.CatalogAsync(ct));

    private static (ExportRequest? Request, ValidationProblem? Problem) CheckIn(ExportParameters parameters, ExportCatalog catalog) =>
        ExportRequest.TryParse(parameters, catalog, out var request, out var errors)
            ? (request, null)
            : (null, TypedResults.ValidationProblem(errors, title: ExportRequest.ProblemTitle(parameters)));

    /// <summary>The snapshot lives until the response has been written, however it ends.</summary>
    private static async Task<ExportReader> OpenAsync(ExportQueries queries, ExportRequest request, HttpContext http, CancellationToken ct)
    {
        var reader = await queries.OpenAsync(request.Filter, ct);
        http.Response.RegisterForDisposeAsync(reader);
        return reader;
    }

    private static async Task<WideLayout> LayoutAsync(ExportReader reader, ExportRequest request, CancellationToken ct) =>
        WideLayout.Create(await reader.PeriodsAsync(ct), new PeriodLabels(request.Culture), request.IsChinese);

    [LoggerMessage(LogLevel.Information, "Exported {RowCount} rows as {Kind} ({Format}) in {ElapsedMs} ms")]
    private static partial void LogExported(ILogger logger, long rowCount, string kind, string format, long elapsedMs);

    [LoggerMessage(LogLevel.Information, "Export as {Kind} ({Format}) cancelled by the client after {ElapsedMs} ms")]
    private static partial void LogCancelled(ILogger logger, string kind, string format, long elapsedMs);
}
