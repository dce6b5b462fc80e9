using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// <c>GET /api/observations.csv</c> and <c>GET /api/observations</c> (JSON): the observations that match the filters in
/// the query string, long (one row per figure) or wide (one row per subject, indicator and period kind, one column per
/// period), streamed from the database as they are read.
/// </summary>
public static partial class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Export").RequireRateLimiting(Hosting.ExportLimits.Policy);
        group.MapGet("/observations.csv", CsvAsync).WithName("ExportObservationsCsv");
        group.MapGet("/observations", JsonAsync).WithName("ExportObservationsJson");
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> CsvAsync(
        [AsParameters] ExportParameters parameters, ExportQueries queries, HttpContext http, ILoggerFactory loggers, CancellationToken ct)
    {
        var (request, problem) = await CheckAsync(parameters, queries, ct);
        if (problem is not null) return problem;
        var reader = await OpenAsync(queries, request!, http, ct);
        var layout = request!.Format == ExportFormat.WideForm ? await LayoutAsync(reader, request, ct) : null;
        var logger = loggers.CreateLogger(typeof(ExportEndpoints));
        http.Response.Headers.ContentDisposition = ExportText.ContentDisposition(request);
        return TypedResults.Stream(async body =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var rows = layout is null
                    ? await ExportCsv.WriteLongAsync(body, request, reader.RowsAsync(ct), ct)
                    : await ExportCsv.WriteWideAsync(body, request, layout, reader.RowsAsync(ct), ct);
                LogExported(logger, rows, request.FormatName, clock.ElapsedMilliseconds);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                LogCancelled(logger, request.FormatName, clock.ElapsedMilliseconds); // the client went away; the query was cancelled with it
            }
        }, "text/csv; charset=utf-8");
    }

    private static async Task<Results<JsonHttpResult<IAsyncEnumerable<ObservationJson>>, JsonHttpResult<WideJson>, ValidationProblem>> JsonAsync(
        [AsParameters] ExportParameters parameters, ExportQueries queries, HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await CheckAsync(parameters, queries, ct);
        if (problem is not null) return problem;
        var reader = await OpenAsync(queries, request!, http, ct);
        if (request!.Format == ExportFormat.LongForm)
            return TypedResults.Json(ExportJson.LongAsync(reader.RowsAsync(ct), request, ct), ExportJson.Options);
        var layout = await LayoutAsync(reader, request, ct);
        return TypedResults.Json(ExportJson.Wide(layout, reader.RowsAsync(ct), request, ct), ExportJson.Options);
    }

    private static async Task<(ExportRequest? Request, ValidationProblem? Problem)> CheckAsync(ExportParameters parameters, ExportQueries queries, CancellationToken ct)
    {
        var catalog = await queries.CatalogAsync(ct);
        return ExportRequest.TryParse(parameters, catalog, out var request, out var errors)
            ? (request, null)
            : (null, TypedResults.ValidationProblem(errors, title: ExportRequest.ProblemTitle(parameters)));
    }

    /// <summary>The snapshot lives until the response has been written, however it ends.</summary>
    private static async Task<ExportReader> OpenAsync(ExportQueries queries, ExportRequest request, HttpContext http, CancellationToken ct)
    {
        var reader = await queries.OpenAsync(request.Filter, ct);
        http.Response.RegisterForDisposeAsync(reader);
        return reader;
    }

    private static async Task<WideLayout> LayoutAsync(ExportReader reader, ExportRequest request, CancellationToken ct) =>
        WideLayout.Create(await reader.PeriodsAsync(ct), new PeriodLabels(request.Culture), request.IsChinese);

    [LoggerMessage(LogLevel.Information, "Exported {RowCount} rows of CSV ({Format}) in {ElapsedMs} ms")]
    private static partial void LogExported(ILogger logger, long rowCount, string format, long elapsedMs);

    [LoggerMessage(LogLevel.Information, "CSV export ({Format}) cancelled by the client after {ElapsedMs} ms")]
    private static partial void LogCancelled(ILogger logger, string format, long elapsedMs);
}
