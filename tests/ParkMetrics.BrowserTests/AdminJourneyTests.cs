using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>The statistics office's yearly round, on an app of its own so that the new figure reaches no other test.</summary>
public sealed class AdminJourneyTests(BrowserApp app)
{
    private const string Email = "statistics-office@parkmetrics.test";
    private const string Password = "Yearly-Figures-2026";

    [Fact]
    public async Task Admin_SignsInEntersAFigureForANewYearByKeyboard_SeesItOnTheParkChart()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        await using var session = await app.OpenAsync(own: own);
        var page = session.Page;

        // An anonymous visitor is sent to sign in, and comes back to the grid afterwards.
        await page.GotoAsync("/admin/entry?park=beichuan&year=2026");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?"));
        await page.GetByLabel("邮箱").FillAsync(Email);
        await page.GetByLabel("密码").FillAsync(Password);
        await session.LoadsNewCircuitAsync(() => page.GetByLabel("密码").PressAsync("Enter"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("年度数据录入");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(Email);

        // 工业总产值 of 大通北川工业园区: 321亿元 in 2022 and a 2025 target; nothing yet for 2026.
        var cell = page.GetByLabel("工业总产值", new() { Exact = true });
        await Expect(cell).ToHaveValueAsync("");
        await cell.FocusAsync();
        await page.Keyboard.TypeAsync("3650000");
        await page.Keyboard.PressAsync("Enter"); // down the column, as in a spreadsheet
        await Expect(cell).Not.ToBeFocusedAsync();
        await Expect(page.GetByText("已修改 1 行")).ToBeVisibleAsync(); // the circuit has the typed value
        await page.GetByTestId("entry-save").ClickAsync();
        await Expect(page.GetByTestId("entry-message")).ToHaveTextAsync("已保存：新增 1 项，修改 0 项，删除 0 项。");

        await session.GotoAsync(ParkPage.PathOf("beichuan"));
        await session.WaitForChartsAsync();
        await session.ScreenshotAsync("admin-journey.park");
        var chart = new ChartCard(page.GetByTestId("chart").Filter(new()
        {
            Has = page.Locator("figcaption").GetByText("工业总产值", new() { Exact = true }),
        }));
        await chart.ShowTableAsync();
        var rows = await chart.RowsAsync();
        var year2026 = Assert.Single(rows, r => r[0] == "2026年");
        Assert.Equal("365亿元", year2026[1]);
        Assert.Equal("321亿元", Assert.Single(rows, r => r[0] == "2022年")[1]); // the article's figure is still there
        session.AssertNoConsoleErrors();
    }
}
