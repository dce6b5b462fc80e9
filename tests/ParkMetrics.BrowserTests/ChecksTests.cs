using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>The consistency checks as a reader and an admin meet them: the static /checks page, and the warning before a save.</summary>
public sealed class ChecksTests(BrowserApp app)
{
    private const string Email = "checks@parkmetrics.test";
    private const string Password = "Consistent-Figures-2026";

    [Theory]
    [InlineData(Ui.Zh, "共 4 条", "比总数少18.0亿元")]
    [InlineData(Ui.En, "4 findings", "CNY 1.80 bn short of the total")]
    public async Task Reader_OpensChecks_SeesEachFindingWithItsQuotesAndFiltersByPark(string culture, string summary, string sentence)
    {
        await using var session = await app.OpenAsync(culture, width: 390, height: 844);
        var page = session.Page;

        await page.GotoAsync("/checks");

        await Expect(page.GetByTestId("checks-summary")).ToContainTextAsync(summary);
        await Expect(page.GetByTestId("finding")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("finding").Filter(new() { HasText = sentence })).ToHaveCountAsync(1);
        await Expect(page.GetByText("“其中工业投资91.2亿元”")).ToBeVisibleAsync();
        await session.ScreenshotAsync($"checks.{culture}");

        await page.GetByLabel(culture == Ui.Zh ? "园区" : "Park", new() { Exact = true }).SelectOptionAsync("beichuan");
        await page.GetByRole(AriaRole.Button, new() { Name = culture == Ui.Zh ? "筛选" : "Filter" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("park=beichuan"));
        await Expect(page.GetByTestId("finding")).ToHaveCountAsync(2);
        session.AssertNoConsoleErrors();
    }

    /// <summary>东川's 十四五 investment (157亿元) is 18亿元 more than its two components: the page where it stands says so.</summary>
    [Theory]
    [InlineData(Ui.Zh, 390, 844, "与其他数字的核对", "比总数少18.0亿元")]
    [InlineData(Ui.En, 1366, 768, "Checked against other figures", "CNY 1.80 bn short of the total")]
    public async Task Reader_SeesAMarkBesideAContradictedFigure_AndFollowsItToTheFinding(string culture, int width, int height, string heading, string sentence)
    {
        await using var session = await app.OpenAsync(culture, width, height);
        var page = session.Page;
        await page.GotoAsync("/parks/dongchuan");

        var marks = page.GetByTestId("figure-check-mark");
        await Expect(marks.First).ToBeVisibleAsync();
        var row = page.GetByTestId("figure-table").Locator("tr").Filter(new() { Has = page.Locator("[data-testid=figure-check-mark][data-severity=contradiction]") })
            .Filter(new() { HasText = "157" }).First;
        await row.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync($"checks.mark.{culture}", fullPage: false);

        await row.GetByTestId("figure-value").ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await Expect(dialog.GetByTestId("provenance-findings")).ToContainTextAsync(heading);
        await Expect(dialog.GetByTestId("provenance-finding").Filter(new() { HasText = sentence })).ToHaveCountAsync(1);
        await dialog.GetByTestId("provenance-findings").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync($"checks.dialog.{culture}", fullPage: false);
        await page.Keyboard.PressAsync("Escape");

        await row.GetByTestId("figure-check-mark").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/checks\\?park=dongchuan&rule=components&finding=[0-9a-f]{16}#finding-[0-9a-f]{16}$"));
        var target = page.Locator(".finding-marked");
        await Expect(target).ToContainTextAsync(sentence);
        await Expect(target).ToBeInViewportAsync();
        await session.ScreenshotAsync($"checks.marked-finding.{culture}", fullPage: false);
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Admin_TypesAYearAboveItsPlansTotal_IsWarnedBeforeSaving_AndNothingIsSaved()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        await using var session = await app.OpenAsync(own: own);
        var page = session.Page;
        await page.GotoAsync("/admin/entry?park=dongchuan&year=2021");
        await page.GetByLabel("邮箱").FillAsync(Email);
        await page.GetByLabel("密码").FillAsync(Password);
        await session.LoadsNewCircuitAsync(() => page.GetByLabel("密码").PressAsync("Enter"));

        // 东川's 工业投资 over the whole of the 十四五 is 91.2亿元: 2021 alone cannot be 120亿元 (1200000万元).
        var cell = page.GetByLabel("工业投资", new() { Exact = true });
        await cell.FillAsync("1200000");
        await Expect(page.GetByText("已修改 1 行")).ToBeVisibleAsync(); // the circuit has the typed value
        await page.GetByTestId("entry-check").ClickAsync(); // leaving the field checks too; the button says it out loud

        await Expect(page.GetByTestId("candidate-findings")).ToContainTextAsync("写入这些数据将新增 1 条核对发现");
        await Expect(page.GetByTestId("candidate-finding")).ToContainTextAsync("已报告的1个年份（2021年）合计已达120亿元");
        await session.ScreenshotAsync("checks.entry-warning");

        await page.GetByTestId("entry-save").ClickAsync(); // a warning, not a block
        await Expect(page.GetByTestId("entry-message")).ToHaveTextAsync("已保存：新增 1 项，修改 0 项，删除 0 项。");
        session.AssertNoConsoleErrors();
    }
}
