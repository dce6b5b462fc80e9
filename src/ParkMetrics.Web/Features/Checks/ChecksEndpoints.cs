using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Checks;

/// <summary>
/// The consistency checks for scripts: <c>GET /api/checks</c> (JSON) and <c>GET /api/checks.csv</c> (one line per figure of
/// each finding), filtered by park, severity and rule like the <c>/checks</c> page; and the services behind them.
/// </summary>
public static class ChecksEndpoints
{
    public static WebApplicationBuilder AddParkMetricsChecks(this WebApplicationBuilder builder)
    {
        // A report shared by every reader runs to its end whoever asked, but not past the app's stopping (nor the database's).
        builder.Services.AddSingleton(services => new ConsistencyChecks(services.GetRequiredService<ReadContexts>(), services.GetRequiredService<QueryCache>(),
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping));
        builder.Services.AddSingleton<RelationshipEditor>();
        builder.Services.AddSingleton<ChecksRefresh>();
        builder.Services.AddSingleton<IDataChangeListener>(services => services.GetRequiredService<ChecksRefresh>());
        builder.Services.AddHostedService(services => services.GetRequiredService<ChecksRefresh>());
        return builder;
    }

    /// <summary>
    /// The report starts once the app has started (after the database's migration and seed) and again right after every
    /// write; the checks are resolved when called, as they depend on the cache that calls this.
    /// </summary>
    private sealed class ChecksRefresh(IServiceProvider services) : IDataChangeListener, IHostedService
    {
        public ValueTask DataChangedAsync(CancellationToken ct)
        {
            services.GetRequiredService<ConsistencyChecks>().Refresh();
            return ValueTask.CompletedTask;
        }

        public Task StartAsync(CancellationToken ct)
        {
            services.GetRequiredService<ConsistencyChecks>().Refresh();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapChecksEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Checks");
        group.MapGet("/checks", JsonAsync).WithName("ChecksJson")
            .WithSummary("数据核对结果 · Consistency findings")
            .WithDescription("数值之间不相符之处：构成与总数、比重与分子分母、增速与前后两期水平、年均增速与首尾水平、规划期累计与各年、年内累计与全年、目标与所需增速、原文所述趋势与数列、同一数值的不同来源、园区与所在开发区。每条附规则、严重程度、应为与报告值、中英文说明，以及每个数值的园区、主体、指标、期间、数值、单位、引文与来源。"
                + " Where the figures do not add up: parts and totals, shares and their parts and bases, growth and the levels it joins, average growth and the levels at both ends, plan totals and their years, parts of a year and the year, targets and the growth they need, trend words and series, one figure in several reports, parks and their zone. Each finding gives its rule, severity, expected and reported values, a sentence in Chinese and English, and each figure's park, subject, indicator, period, value, unit, quote and report.")
            .Produces<ChecksResponse>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/checks.csv", CsvAsync).WithName("ChecksCsv")
            .WithSummary("数据核对结果 CSV · Consistency findings as CSV")
            .WithDescription("每条核对发现的每个数值一行（UTF-8，带 BOM）。One line per figure of each finding (UTF-8 with a byte order mark).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static async Task<Results<JsonHttpResult<ChecksResponse>, ValidationProblem>> JsonAsync(
        [AsParameters] ChecksParameters parameters, ConsistencyChecks checks, CatalogQueries catalog, CancellationToken ct)
    {
        var (request, problem) = await CheckAsync(parameters, catalog, ct);
        if (problem is not null) return problem;
        var report = await checks.ReportAsync(ct);
        var findings = report.Findings.Where(request!.Filter.Matches).Select(f => ChecksJson.Of(f, request.Chinese)).ToList();
        return TypedResults.Json(new ChecksResponse(findings.Count, report.RanAt, report.FigureCount, findings), Export.ExportJson.Options);
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> CsvAsync(
        [AsParameters] ChecksParameters parameters, ConsistencyChecks checks, CatalogQueries catalog, HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await CheckAsync(parameters, catalog, ct);
        if (problem is not null) return problem;
        var findings = (await checks.ReportAsync(ct)).Findings.Where(request!.Filter.Matches).ToList();
        http.Response.Headers.ContentDisposition = "attachment; filename=\"checks.csv\"; filename*=UTF-8''" + Uri.EscapeDataString(request.Chinese ? "数据核对.csv" : "consistency-checks.csv");
        return TypedResults.Stream(body => WriteCsvAsync(body, findings, request.Chinese, ct), "text/csv; charset=utf-8");
    }

    private static async Task<(ChecksRequest? Request, ValidationProblem? Problem)> CheckAsync(ChecksParameters parameters, CatalogQueries catalog, CancellationToken ct)
    {
        var parks = (await catalog.ParksAsync(ct)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        return ChecksRequest.TryParse(parameters, parks, out var request, out var errors)
            ? (request, null)
            : (null, TypedResults.ValidationProblem(errors, title: ChecksRequest.ProblemTitle(parameters)));
    }

    /// <summary>The CSV's columns, in Chinese or English.</summary>
    public static IReadOnlyList<string> CsvHeader(bool zh) => zh
        ? ["核对编号", "规则", "严重程度", "应为", "报告值", "说明", "角色", "园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "开始日期", "结束日期", "期间",
            "报告数值", "报告单位", "限定", "数值", "单位", "来源", "来源日期", "引文", "数值编号", "原文链接"]
        : ["finding", "rule", "severity", "expected", "reported", "sentence", "role", "park_code", "park", "subject", "indicator_code", "indicator", "period_kind",
            "period_start", "period_end", "period", "reported_value", "reported_unit", "qualifier", "value", "unit", "source", "source_date", "quote", "figure_id", "url"];

    /// <summary>RFC 4180 with a byte order mark (Excel reads the Chinese); text a spreadsheet would run as a formula is prefixed with '.</summary>
    public static async Task WriteCsvAsync(Stream body, IReadOnlyList<Finding> findings, bool zh, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions
        {
            NewLine = "\r\n",
            Injection = CsvInjection.Escape,
            InjectionCharacters = "=+-@\t\r",
            WriteByteOrderMark = true,
        }, leaveOpen: true);
        csv.WriteHeader([.. CsvHeader(zh)]);
        foreach (var finding in findings)
            foreach (var x in finding.Figures)
            {
                var f = x.Figure;
                csv.WriteField(finding.Key);
                csv.WriteField(EnumCode.Of(finding.Rule));
                csv.WriteField(EnumCode.Of(finding.Severity));
                csv.WriteField(finding.ExpectedIn(zh));
                csv.WriteField(finding.ReportedIn(zh));
                csv.WriteField(finding.Sentence(zh));
                csv.WriteField(EnumCode.Of(x.Role));
                csv.WriteField(f.ParkCode);
                csv.WriteField(zh ? f.ParkNameZh : f.ParkNameEn);
                csv.WriteField(f.Enterprise);
                csv.WriteField(f.IndicatorCode);
                csv.WriteField(zh ? f.IndicatorNameZh : f.IndicatorNameEn);
                csv.WriteField(EnumCode.Of(f.PeriodKind));
                csv.WriteField(f.Start, "");
                csv.WriteField(f.End, "");
                csv.WriteField(FindingText.Period(f, zh));
                csv.WriteField(Export.ExportText.Plain(f.ReportedValue), "");
                csv.WriteField(f.ReportedUnit);
                csv.WriteField(EnumCode.Of(f.Qualifier));
                csv.WriteField(Export.ExportText.Plain(f.Value), "");
                csv.WriteField(f.Unit);
                csv.WriteField(f.SourceTitle);
                csv.WriteField(f.SourcePublishedOn ?? f.SourceAsOf, "");
                csv.WriteField(f.Quote);
                csv.WriteField(f.IsCandidate ? "" : f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                csv.WriteField(ChecksJson.FigureUrl(f) ?? "");
                await csv.EndRecordAsync(ct);
            }
        await csv.FlushAsync(ct);
    }
}
