using System.Net;
using System.Text.Json;
using ParkMetrics.IntegrationTests.Export;

namespace ParkMetrics.IntegrationTests.Checks;

/// <summary>/checks, /api/checks and /api/checks.csv over the seed the app loads at startup (with the article texts where they are).</summary>
[Collection(nameof(SeededExport))]
public sealed class ChecksEndpointTests(TestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool HasArticles => Directory.Exists(RepositoryPaths.Articles);

    private async Task<JsonElement> JsonAsync(string query)
    {
        using var response = await app.Client.GetAsync("/api/checks" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Fact]
    public async Task ChecksJson_Seed_GivesEachFindingWithEveryFiguresParkSubjectIndicatorPeriodValueUnitAndQuote()
    {
        var json = await JsonAsync("?lang=en");

        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(HasArticles ? 4 : 3, json.GetProperty("total").GetInt32());
        Assert.Equal(findings.Count, json.GetProperty("total").GetInt32());
        var investment = findings.Single(f => f.GetProperty("rule").GetString() == "components");
        Assert.Equal("contradiction", investment.GetProperty("severity").GetString());
        Assert.Equal(139.0, investment.GetProperty("expectedValue").GetDouble(), 9);
        Assert.Equal("CNY 15.7 bn", investment.GetProperty("reported").GetString());
        Assert.StartsWith("Dongchuan Industrial Park", investment.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        var total = investment.GetProperty("figures")[0];
        Assert.Equal("dongchuan", total.GetProperty("parkCode").GetString());
        Assert.Equal(JsonValueKind.Null, total.GetProperty("subject").ValueKind);
        Assert.Equal("fixed_asset_investment", total.GetProperty("indicatorCode").GetString());
        Assert.Equal("plan_cumulative", total.GetProperty("periodKind").GetString());
        Assert.Equal("2021-01-01", total.GetProperty("start").GetString());
        Assert.Equal("2025-12-31", total.GetProperty("end").GetString());
        Assert.Equal(157m, total.GetProperty("reportedValue").GetDecimal());
        Assert.Equal("亿元", total.GetProperty("reportedUnit").GetString());
        Assert.Equal("固定资产投资累计完成157亿元", total.GetProperty("quote").GetString());
        Assert.Matches(@"^/sources/\d+\?figure=\d+$", total.GetProperty("url").GetString());
        Assert.Equal("dongchuan-fyp14", total.GetProperty("source").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ChecksJson_Filters_ByParkSeverityAndRule()
    {
        Assert.Equal(2, (await JsonAsync("?park=beichuan")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await JsonAsync("?park=beichuan&severity=implausible")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await JsonAsync("?rule=components,share")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await JsonAsync("?park=ganhe")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("?severity=bad", "severity")]
    [InlineData("?park=nowhere", "park")]
    [InlineData("?rule=sum", "rule")]
    [InlineData("?lang=fr", "lang")]
    public async Task ChecksJson_BadParameter_Is400NamingIt(string query, string parameter)
    {
        using var response = await app.Client.GetAsync("/api/checks" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task ChecksCsv_Seed_OneLinePerFigureOfEachFinding()
    {
        using var response = await app.Client.GetAsync("/api/checks.csv?park=dongchuan&rule=components", Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.AsSpan().StartsWith("\uFEFF"u8), "the CSV starts with a byte order mark");
        var csv = ParsedCsv.Parse(body);
        Assert.Equal(3, csv.Rows.Count);
        Assert.Equal(["157", "91.2", "47.8"], csv.Rows.Select(r => r[csv.Column("报告数值")]));
        Assert.Equal(["固定资产投资累计完成157亿元", "其中工业投资91.2亿元", "非工投资47.8亿元"], csv.Rows.Select(r => r[csv.Column("引文")]));
        Assert.All(csv.Rows, r => Assert.Equal("dongchuan", r[csv.Column("园区代码")]));
    }

    [Fact]
    public async Task ChecksPage_IsStaticWithItsFindingsAndFilters()
    {
        var page = await app.Client.GetStringAsync("/checks", Ct);
        var beichuan = await app.Client.GetStringAsync("/checks?park=beichuan&severity=contradiction", Ct);

        Assert.Equal(HasArticles ? 4 : 3, Count(page, "data-testid=\"finding\""));
        Assert.Equal(1, Count(beichuan, "data-testid=\"finding\""));
        Assert.Contains("比总数少18.0亿元", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"checks\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"server\"", page, StringComparison.Ordinal); // no circuit: rendered on the server, once
    }

    [Fact]
    public async Task ChecksPage_UnknownPark_Is404()
    {
        using var response = await app.Client.GetAsync("/checks?park=nowhere", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
