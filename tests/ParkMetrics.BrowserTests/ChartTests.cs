using System.Globalization;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

public sealed class ChartTests(BrowserApp app)
{
    [Fact]
    public async Task Charts_IndicatorPage_DrawOnEveryCanvas()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync("/indicators/industrial_output_above_scale");
        await session.WaitForChartsAsync();
        var shell = new AppShell(session.Page, Ui.Zh);

        // years, Jan–Aug, half years and plan totals side by side, and the series over years
        await Expect(shell.Charts).ToHaveCountAsync(5);
        var blank = await session.Page.EvaluateAsync<int>(
            "c => { const b = document.createElement('canvas'); b.width = c.width; b.height = c.height; return b.toDataURL('image/png').length; }",
            await shell.ChartAt(0).Canvas.ElementHandleAsync());
        for (var i = 0; i < 5; i++)
        {
            var chart = shell.ChartAt(i);
            Assert.True(await chart.InkAsync() > 1000, $"chart {i} has next to no ink");
            Assert.True(await chart.DataUrlLengthAsync() > 2 * blank, $"chart {i} encodes like a blank canvas");
        }
        session.AssertNoConsoleErrors();
    }

    [Theory]
    [MemberData(nameof(Ui.Languages), MemberType = typeof(Ui))]
    public async Task TableView_OverviewSeries_ShowsTheNumbersTheChartDraws(string culture)
    {
        await using var session = await app.OpenAsync(culture);
        await session.GotoAsync(OverviewPage.Path);
        await session.WaitForChartsAsync();
        var chart = new OverviewPage(session.Page, culture).NewMaterialsShare;
        var drawn = Assert.Single(await chart.ChartDataAsync());

        await chart.ShowTableAsync();

        Assert.Equal(["", Ui.Pick(culture, "东川工业园区", "Dongchuan Industrial Park")], await chart.ColumnHeadersAsync());
        var rows = await chart.RowsAsync();
        Assert.Equal(Enumerable.Range(2021, 5).Select(y => Ui.Pick(culture, $"{y}年", $"{y}")), rows.Select(r => r[0]));
        // 分别为40%、21.44%、23.5%、42.57%、47.06%
        Assert.Equal(["40%", "21.44%", "23.5%", "42.57%", "47.06%"], rows.Select(r => r[1]));
        Assert.Equal(drawn, rows.Select(r => (decimal?)decimal.Parse(r[1].TrimEnd('%'), CultureInfo.InvariantCulture)));
        await Expect(chart.Canvas).ToBeHiddenAsync();

        await chart.Root.GetByRole(AriaRole.Button, new() { Name = Ui.Pick(culture, "图表", "Chart"), Exact = true }).ClickAsync();

        await Expect(chart.Table).ToBeHiddenAsync();
        await Expect(chart.Canvas).ToBeVisibleAsync();
        session.AssertNoConsoleErrors();
    }
}
