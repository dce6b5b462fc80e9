using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;
using ParkMetrics.Data;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.BrowserTests;

/// <summary>
/// "A new report arrives": an admin registers it on /admin/intake, pastes its text in traditional characters, reviews the
/// proposed figures and writes them, all by keyboard; the figures then stand on the park's page with their quotes.
/// </summary>
public sealed class IntakeTests(BrowserApp app)
{
    private const string Email = "intake@parkmetrics.test";
    private const string Password = "Intake-Reports-2026";
    private const string Title = "東川園區前三季度經濟運行情況";
    private const string Report = "東川工業園區今年1—9月實現規上工業產值約356億元，同比增長15.2%。\n\n園區現有規上工業企業35戶。";

    [Fact]
    public async Task Admin_TakesInATraditionalReportByKeyboard_FiguresStandOnTheParkPageWithTheirQuotes()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        await using var session = await app.OpenAsync(own: own);
        var page = session.Page;
        await SignIn.OpenAsAsync(session, "/admin/intake", Ui.Zh, Email, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "录入报道", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("报道", new() { Exact = true }).FocusAsync();
        await TabToAsync(page, page.GetByLabel("标题"));
        await page.Keyboard.InsertTextAsync(Title);
        await TabToAsync(page, page.GetByLabel("刊发日期"));
        await page.GetByLabel("刊发日期").FillAsync("2024-10-20"); // a date field's part order follows the browser's locale
        await TabToAsync(page, page.GetByLabel("全文"));
        await page.Keyboard.InsertTextAsync(Report);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "保存并提取数据" }));
        await page.Keyboard.PressAsync("Enter");

        var grid = page.GetByTestId("intake-grid");
        await Expect(grid.GetByTestId("intake-row")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("intake-counts")).ToHaveTextAsync("已接受 3 条，0 条有待定项");
        await Expect(grid).ToContainTextAsync("規上工業產值約356億元");
        await session.ScreenshotAsync("intake.review");

        await TabToAsync(page, page.GetByTestId("intake-preview"), 80);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("intake-result")).ToContainTextAsync("3");
        await TabToAsync(page, page.GetByTestId("intake-apply"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("intake-result")).ToContainTextAsync("已写入：新增 3 条，修改 0 条，未变 0 条。");
        await session.ScreenshotAsync("intake.applied");

        var contexts = own.Services.GetRequiredService<IDbContextFactory<ParkMetricsDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var figures = await db.Observations.Where(o => o.Source.Title == Title).Include(o => o.Indicator).Include(o => o.Park)
                .OrderBy(o => o.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(
                [("dongchuan", "industrial_output_above_scale", PeriodKind.YtdMonth, 356m, "亿元", Qualifier.Approx),
                 ("dongchuan", "industrial_output_above_scale_growth", PeriodKind.YtdMonth, 15.2m, "%", Qualifier.Exact),
                 ("dongchuan", "industrial_enterprises_above_scale", PeriodKind.Point, 35m, "户", Qualifier.Exact)],
                figures.Select(f => (f.Park.Code, f.Indicator.Code, f.PeriodKind, f.ReportedValue, f.ReportedUnit, f.Qualifier)));
            Assert.All(figures, f => Assert.Contains(f.Quote, Report, StringComparison.Ordinal));
            Assert.Equal("東川工業園區今年1—9月實現規上工業產值約356億元", figures[0].Quote);
        }

        await session.GotoAsync("/parks/dongchuan");
        await Expect(page.Locator("main")).ToContainTextAsync("356");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Intake_TextWithoutFigures_SaysSoAndWritesNoFigure()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        await using var session = await app.OpenAsync(Ui.En, own: own);
        var page = session.Page;
        await SignIn.OpenAsAsync(session, "/admin/intake", Ui.En, Email, Password);

        await page.GetByLabel("Title").FillAsync("A note without figures");
        await page.GetByLabel("Published on").FillAsync("2024-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and find the figures" }).ClickAsync();
        await Expect(page.GetByTestId("catalog-errors")).ToContainTextAsync("Paste or load the report's text.");

        await page.GetByLabel("Full text").FillAsync("园区召开“两个千亿元”产业集群推进会，咨询电话：0971-8123456，第5届博览会于10月12日举行。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and find the figures" }).ClickAsync();

        await Expect(page.GetByTestId("intake-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("intake-preview")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("intake.no-figures.en");
        var contexts = own.Services.GetRequiredService<IDbContextFactory<ParkMetricsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.Observations.CountAsync(o => o.Source.Title == "A note without figures", TestContext.Current.CancellationToken));
        session.AssertNoConsoleErrors();
    }

    private static async Task TabToAsync(IPage page, ILocator target, int most = 20)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"Tab never reached {target}.");
    }
}
