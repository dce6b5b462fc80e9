using System.Text.RegularExpressions;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>
/// Reading on a weak connection and without script: the dialog opens offline once the page has loaded; with script
/// off every quote and table is in the page, the charts show their tables and the menu is reachable; statuses are
/// honest and their pages friendly; and a forecast never stands in an actual's column.
/// </summary>
public sealed partial class WeakConnectionTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Ui.Languages), MemberType = typeof(Ui))]
    public async Task Offline_AfterThePageLoaded_AFigureStillOpensItsQuote(string culture)
    {
        await using var session = await app.OpenAsync(culture, 390, 844);
        await session.GotoAsync(ParkPage.PathOf("dongchuan"));
        var park = new ParkPage(session.Page, culture);
        await session.Page.Context.SetOfflineAsync(true);

        await park.HeadlineFigures.First.ClickAsync();

        await Expect(park.Provenance.Root).ToBeVisibleAsync();
        await Expect(park.Provenance.Quote).ToHaveTextAsync("累计实现规模以上工业总产值近624亿元");
        await Expect(park.Provenance.Root.GetByTestId("provenance-period")).ToContainTextAsync(Ui.Pick(culture, "“十四五”期间累计", "14th Five-Year Plan, total"));
        await Expect(park.Provenance.Root.GetByTestId("provenance-qualifier")).ToContainTextAsync(Ui.Pick(culture, "约数", "approximate"));
        var box = await park.Provenance.Root.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"the dialog spans {box.X}–{box.X + box.Width} of 390 px");
        await session.ScreenshotAsync($"offline-dialog.phone.{culture}", fullPage: false);
        await session.Page.Context.SetOfflineAsync(false);
    }

    [Theory]
    [MemberData(nameof(Ui.Languages), MemberType = typeof(Ui))]
    public async Task WithoutScript_ParkPage_HasEveryQuoteItsTablesAndAReachableMenu(string culture)
    {
        await using var session = await app.OpenAsync(culture, 390, 844, javaScript: false);
        await session.Page.GotoAsync(ParkPage.PathOf("dongchuan"));
        var shell = new AppShell(session.Page, culture);

        await Expect(shell.HeadingNamed(Ui.Pick(culture, "东川工业园区", "Dongchuan Industrial Park"))).ToBeVisibleAsync();
        Assert.True(await session.Page.Locator("dialog [data-testid=provenance-quote]").CountAsync() >= 80, "every figure's quote is in the page");
        await Expect(session.Page.Locator("dialog [data-testid=provenance-quote]").Filter(new() { HasText = "累计实现规模以上工业总产值近624亿元" })).ToHaveCountAsync(1);
        // Charts fall back to their tables; the buttons that need script are gone.
        var chart = new ChartCard(shell.Charts.First);
        await Expect(chart.Table).ToBeVisibleAsync();
        await Expect(chart.Canvas).ToBeHiddenAsync();
        await Expect(chart.TableButton).ToBeHiddenAsync();
        await Expect(session.Page.GetByTestId("figure-table").First).ToBeVisibleAsync();
        // The menu is open on a phone, without the toggler that needs script.
        await Expect(shell.NavigationLink(Ui.Navigation(culture)[4])).ToBeVisibleAsync();
        await session.ScreenshotAsync($"no-script.park.phone.{culture}");
    }

    [Fact]
    public async Task WithoutScript_Compare_WorksAsAFormInTheUrl()
    {
        await using var session = await app.OpenAsync(javaScript: false);
        await session.Page.GotoAsync("/compare");
        var compare = new ComparePage(session.Page, Ui.Zh);

        await compare.Indicator.SelectOptionAsync("industrial_output");
        await session.Page.GetByTestId("compare-submit").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(IndustrialOutput());
        await Expect(compare.ChartAt(0).Table).ToBeVisibleAsync();
        await Expect(compare.ChartAt(0).Table).ToContainTextAsync("321亿元");
    }

    [Theory]
    [InlineData("/parks/unknown", Ui.Zh, 404, "找不到该园区")]
    [InlineData("/sources/99999", Ui.En, 404, "Article not found")]
    [InlineData("/figures/99999999", Ui.Zh, 404, "找不到该数据")]
    [InlineData("/indicators/%01", Ui.Zh, 400, "无法读取该网址")]
    [InlineData("/indicators/%7F", Ui.En, 400, "This address cannot be read")]
    [InlineData("/parks?q={long}", Ui.Zh, 414, "网址过长")]
    [InlineData("/compare?indicator={long}", Ui.En, 414, "This address is too long")]
    public async Task BadOrUnknownAddress_AnswersItsStatusWithAFriendlyPage(string path, string culture, int status, string title)
    {
        await using var session = await app.OpenAsync(culture);

        var response = await session.Page.GotoAsync(path.Replace("{long}", new string('x', 16_000), StringComparison.Ordinal));

        Assert.Equal(status, response!.Status);
        await Expect(new AppShell(session.Page, culture).HeadingNamed(title)).ToBeVisibleAsync();
        await Expect(new AppShell(session.Page, culture).NavigationLinks).ToHaveTextAsync([.. Ui.Navigation(culture)]);
    }

    /// <summary>Every column of a forecast (预计) holds forecasts only: 2020's actual 558.9亿元 is never repeated there.</summary>
    [Theory]
    [InlineData("/indicators/industrial_output_above_scale")]
    [InlineData("/parks/xetdz")]
    [InlineData("/parks/dongchuan")]
    [InlineData("/")]
    public async Task ChartTables_ForecastColumns_HoldNoActualFigure(string path)
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync(path);
        var checkedColumns = 0;
        foreach (var figure in await session.Page.GetByTestId("chart").AllAsync())
        {
            var chart = new ChartCard(figure);
            var headers = await chart.Table.Locator("thead th").AllTextContentsAsync();
            foreach (var (header, column) in headers.Select((h, i) => (h, i)).Where(x => x.h.Contains("预计", StringComparison.Ordinal) || x.h.Contains("目标", StringComparison.Ordinal)))
            {
                foreach (var row in await chart.Table.Locator("tbody tr").AllAsync())
                {
                    var cell = (await row.Locator("th, td").Nth(column).TextContentAsync())!.Trim();
                    Assert.True(cell == "—" || cell.StartsWith("预计", StringComparison.Ordinal) || header.Contains("目标", StringComparison.Ordinal),
                        $"{header}: {cell} on {path}");
                }
                checkedColumns++;
            }
        }
        if (path == "/indicators/industrial_output_above_scale") Assert.True(checkedColumns > 0, "the seed's forecasts were not charted");
    }

    [GeneratedRegex(@"/compare\?indicator=industrial_output&")]
    private static partial Regex IndustrialOutput();
}
