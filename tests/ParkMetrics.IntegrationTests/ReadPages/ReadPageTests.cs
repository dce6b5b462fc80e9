using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.IntegrationTests.ReadPages;

/// <summary>
/// Read pages as a browser without script gets them: rendered on the server with their quotes and tables, from the
/// output cache for anonymous readers (per language and query), evicted by the one writer; honest statuses.
/// </summary>
public sealed partial class ReadPageTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Get(string path, string? culture = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (culture is not null) request.Headers.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString($"c={culture}|uic={culture}")}");
        return request;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/parks")]
    [InlineData("/parks/dongchuan")]
    [InlineData("/parks/dongchuan/briefing")]
    [InlineData("/indicators")]
    [InlineData("/indicators/industrial_output_above_scale")]
    [InlineData("/compare")]
    [InlineData("/plans/fyp14")]
    [InlineData("/sources")]
    [InlineData("/checks")]
    public async Task ReadPage_Anonymous_IsCachedWithoutACookieOrACircuit(string path)
    {
        using var first = await app.Client.SendAsync(Get(path), Ct);
        using var second = await app.Client.SendAsync(Get(path), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), string.Join(", ", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.True(second.Headers.Age is not null, $"{path} was not served from the output cache");
        var html = await first.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal); // no circuit: nothing interactive
    }

    [Fact]
    public async Task ParkPage_WithoutScript_HoldsEveryQuoteTheTablesAndTheChartsData()
    {
        var html = await (await app.Client.SendAsync(Get("/parks/dongchuan"), Ct)).Content.ReadAsStringAsync(Ct);

        // 累计实现规模以上工业总产值近624亿元: in a dialog in the HTML, with its source and the sentence around it.
        Assert.Contains("累计实现规模以上工业总产值近<mark>624</mark>亿元", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"provenance-context\"", html, StringComparison.Ordinal);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Matches(CanvasWithData(), html);
        Assert.Equal(Regex.Count(html, "<dialog "), Regex.Matches(html, "<dialog id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().Count());
    }

    /// <summary>Blazor's enhanced navigation loads a page in full again unless the answer says "blazor-enhanced-nav: allow".</summary>
    [Fact]
    public async Task ReadPage_FromTheCache_StillAllowsEnhancedNavigation()
    {
        using (var full = await app.Client.SendAsync(Get("/plans/fyp14"), Ct)) Assert.Equal(["allow"], full.Headers.GetValues("blazor-enhanced-nav"));

        var request = Get("/plans/fyp14");
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        using var enhanced = await app.Client.SendAsync(request, Ct);

        Assert.NotNull(enhanced.Headers.Age);
        Assert.Equal(["allow"], enhanced.Headers.GetValues("blazor-enhanced-nav"));
    }

    /// <summary>东川's 十四五 investment (157亿元) is 18亿元 more than its components: its page marks it and its dialog says why.</summary>
    [Fact]
    public async Task ParkPage_FigureInAFinding_CarriesItsMarkAndItsDialogTheFinding()
    {
        var html = await (await app.Client.SendAsync(Get("/parks/dongchuan"), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Matches(CheckMark(), html);
        Assert.Contains("data-testid=\"provenance-findings\"", html, StringComparison.Ordinal);
        Assert.Contains("比总数少18.0亿元", html, StringComparison.Ordinal);
        var none = await (await app.Client.SendAsync(Get("/parks/nanchuan"), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("figure-check-mark", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPage_InTwoLanguages_IsCachedPerLanguage()
    {
        using var zh = await app.Client.SendAsync(Get("/parks/dongchuan"), Ct);
        using var en = await app.Client.SendAsync(Get("/parks/dongchuan", "en"), Ct);

        Assert.Contains("<h1 class=\"h3 mb-0\">东川工业园区</h1>", await zh.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"h3 mb-0\">Dongchuan Industrial Park</h1>", await en.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminSave_ThroughTheOneWriter_EvictsTheCachedPageAtOnce()
    {
        using (var warm = await app.Client.SendAsync(Get("/parks/ganhe"), Ct))
            Assert.DoesNotContain("2032年", await warm.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var cached = await app.Client.SendAsync(Get("/parks/ganhe"), Ct)) Assert.NotNull(cached.Headers.Age);

        var editor = app.Services.GetRequiredService<FigureEditor>();
        var grid = await editor.LoadAsync("ganhe", 2032, Ct);
        var row = grid.Rows.Single(r => r.IndicatorCode == "fixed_asset_investment");
        var saved = await editor.SaveAsync("ganhe", 2032, [new EntryChange(row.IndicatorId, null, null, 1234567, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, "test")],
            "admin@example.org", Ct);
        Assert.True(saved.Saved);

        using var after = await app.Client.SendAsync(Get("/parks/ganhe"), Ct);
        Assert.Null(after.Headers.Age);
        Assert.Contains("123.4567亿元", await after.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/parks/unknown", "zh-CN", "找不到该园区")]
    [InlineData("/parks/unknown", "en", "Park not found")]
    [InlineData("/parks/unknown/briefing", "zh-CN", "找不到该园区")]
    [InlineData("/indicators/unknown", "zh-CN", "找不到该指标")]
    [InlineData("/indicators/unknown", "en", "Indicator not found")]
    [InlineData("/sources/99999", "zh-CN", "找不到该报道")]
    [InlineData("/plans/fyp99", "en", "Five-year plan not found")]
    [InlineData("/figures/99999999", "zh-CN", "找不到该数据")]
    [InlineData("/figures/99999999", "en", "Figure not found")]
    [InlineData("/no/such/page", "zh-CN", "找不到页面")]
    public async Task Unknown_ParkIndicatorSourcePlanOrFigure_Is404WithTheFriendlyPage(string path, string culture, string title)
    {
        using var response = await app.Client.SendAsync(Get(path, culture), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($">{title}</h1>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    // %00 itself never reaches the app: Kestrel (and the test server) refuse a null character in a path before any middleware.
    [InlineData("/indicators/%7F", "zh-CN", HttpStatusCode.BadRequest, "无法读取该网址")]
    [InlineData("/indicators/%01", "en", HttpStatusCode.BadRequest, "This address cannot be read")]
    [InlineData("/parks?q={long}", "zh-CN", HttpStatusCode.RequestUriTooLong, "网址过长")]
    [InlineData("/compare?indicator={long}", "en", HttpStatusCode.RequestUriTooLong, "This address is too long")]
    public async Task MalformedPathOrLongQuery_IsAFriendly400Or414InTheReadersLanguage(string path, string culture, HttpStatusCode status, string title)
    {
        using var response = await app.Client.SendAsync(Get(path.Replace("{long}", new string('x', 16_000), StringComparison.Ordinal), culture), Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains($">{title}</h1>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonPage_SmallIsCached_LargeAndExportsAreNot()
    {
        using var small = await app.Client.SendAsync(Get("/api/observations?limit=50"), Ct);
        using var smallAgain = await app.Client.SendAsync(Get("/api/observations?limit=50"), Ct);
        using var large = await app.Client.SendAsync(Get("/api/observations?limit=5000"), Ct);
        using var largeAgain = await app.Client.SendAsync(Get("/api/observations?limit=5000"), Ct);
        using var csv = await app.Client.SendAsync(Get("/api/observations.csv"), Ct);
        using var csvAgain = await app.Client.SendAsync(Get("/api/observations.csv"), Ct);

        Assert.NotNull(smallAgain.Headers.Age);
        Assert.Null(largeAgain.Headers.Age);
        Assert.Null(csvAgain.Headers.Age);
    }

    [GeneratedRegex("<canvas role=\"img\" aria-label=\"[^\"]+\" data-chart=\"\\{")]
    private static partial Regex CanvasWithData();

    [GeneratedRegex("<a class=\"figure-check-mark text-danger-emphasis\" href=\"checks\\?park=dongchuan&amp;rule=components&amp;finding=[0-9a-f]{16}#finding-[0-9a-f]{16}\"")]
    private static partial Regex CheckMark();
}
