using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>Every page opens with its heading, draws its charts, logs no error, and is kept as a full-page screenshot.</summary>
/// <remarks>One class per language, so that the two run side by side.</remarks>
public abstract class PageTests(BrowserApp app, string culture)
{
    /// <param name="Path">Null for the first article's page, /sources/{id}.</param>
    /// <param name="TestId">An element the page must show besides its heading (for the empty pages, their empty state).</param>
    /// <param name="Status">The page's HTTP status: 404 for what does not exist, with the friendly page.</param>
    private sealed record PageCase(string? Path, string Zh, string En, string? TestId = null, int Status = 200);

    private static readonly Dictionary<string, PageCase> Cases = new()
    {
        ["overview"] = new("/", "园区经济指标总览", "Industrial parks at a glance", "park-card"),
        ["parks"] = new("/parks", "园区", "Parks", "park-link"),
        ["park-dongchuan"] = new("/parks/dongchuan", "东川工业园区", "Dongchuan Industrial Park", "figure-tile"),
        ["park-nanchuan"] = new("/parks/nanchuan", "南川工业园区", "Nanchuan Industrial Park", "park-empty"),
        ["park-unknown"] = new("/parks/unknown", "找不到该园区", "Park not found", "status-text", 404),
        ["indicator-unknown"] = new("/indicators/unknown", "找不到该指标", "Indicator not found", "status-text", 404),
        ["source-unknown"] = new("/sources/99999", "找不到该报道", "Article not found", "status-text", 404),
        ["plan-unknown"] = new("/plans/fyp99", "找不到该五年规划", "Five-year plan not found", "status-text", 404),
        ["figure-unknown"] = new("/figures/99999999", "找不到该数据", "Figure not found", "status-text", 404),
        ["briefing"] = new("/parks/dongchuan/briefing", "东川工业园区", "Dongchuan Industrial Park", "briefing-figure"),
        ["indicators"] = new("/indicators", "指标", "Indicators", "indicator-link"),
        ["indicator"] = new("/indicators/industrial_output_above_scale", "规模以上工业总产值", "Gross industrial output (above designated size)", "chart"),
        ["compare"] = new("/compare", "园区对比", "Compare parks", "chart"),
        ["plan-fyp14"] = new("/plans/fyp14", "五年规划", "Five-year plans", "plan-park"),
        ["plan-fyp15"] = new("/plans/fyp15", "五年规划", "Five-year plans", "plan-empty"),
        ["sources"] = new("/sources", "来源", "Sources", "source-link"),
        // Article titles are Chinese in both languages.
        ["source"] = new(null, "东川园区：向新攀高书写“十四五”东川答卷", "东川园区：向新攀高书写“十四五”东川答卷", "chart"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Open_Page_ShowsItsHeadingDrawsItsChartsAndLogsNoError(string name)
    {
        var page = Cases[name];
        await using var session = await app.OpenAsync(culture);

        var response = await session.Page.GotoAsync(page.Path ?? $"/sources/{await app.FirstSourceIdAsync()}");
        Assert.Equal(page.Status, response!.Status);

        var shell = new AppShell(session.Page, culture);
        await Expect(shell.HeadingNamed(Ui.Pick(culture, page.Zh, page.En))).ToBeVisibleAsync();
        await Expect(shell.Heading).ToHaveCountAsync(1);
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Expect(shell.NavigationLinks).ToHaveTextAsync([.. Ui.Navigation(culture)]);
        if (page.TestId is { } testId) await Expect(session.Page.GetByTestId(testId).First).ToBeVisibleAsync();
        await session.WaitForChartsAsync();
        await session.ScreenshotAsync($"{name}.{culture}");
        session.AssertNoConsoleErrorsBut(page.Status);
    }
}

public sealed class ChinesePageTests(BrowserApp app) : PageTests(app, Ui.Zh);

public sealed class EnglishPageTests(BrowserApp app) : PageTests(app, Ui.En);
