using System.Text.RegularExpressions;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>
/// Compare offers only what two parks report for one period, keeps its state in the URL (a GET form), says when one
/// park contains another, and explains when nothing is comparable.
/// </summary>
public sealed partial class CompareTests(BrowserApp app)
{
    [Fact]
    public async Task Open_Compare_OffersOnlyIndicatorsTwoParksReportForOnePeriod()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync("/compare");
        var compare = new ComparePage(session.Page, Ui.Zh);

        // Of the seed's indicators, two are reported by two parks for one and the same period.
        await Expect(compare.Indicator.Locator("option")).ToHaveTextAsync(["工业总产值", "实施基础设施项目数"]);
        await Expect(compare.Charts).ToHaveCountAsync(1);
        var chart = compare.ChartAt(0);
        await chart.ShowTableAsync();
        Assert.Equal(2, (await chart.RowsAsync()).Count); // a bar per park, for the one period
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ZoneAndItsPark_OnCompare_SaysTheZoneContainsThePark()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync("/compare?indicator=infrastructure_projects");

        await Expect(session.Page.GetByTestId("compare-contains")).ToContainTextAsync("西宁经济技术开发区包含东川工业园区");
        var chart = new ComparePage(session.Page, Ui.Zh).ChartAt(0);
        await chart.ShowTableAsync();
        var rows = await chart.RowsAsync();
        Assert.Equal(["西宁经济技术开发区", "120个"], rows[0]);
        Assert.Equal(["东川工业园区", "超40个"], rows[1]);
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task IndicatorNoTwoParksShare_OnCompare_ExplainsAndSuggestsWhatIsComparable()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync("/compare?indicator=industrial_output_above_scale");

        var nothing = session.Page.GetByTestId("compare-nothing");
        await Expect(nothing).ToContainTextAsync("“规模以上工业总产值”没有两个以上园区报道同一期间的数据");
        await Expect(session.Page.GetByTestId("chart")).ToHaveCountAsync(0);
        var suggestion = nothing.GetByRole(AriaRole.Link).First;
        await session.LoadsNewCircuitAsync(() => suggestion.ClickAsync());

        await Expect(session.Page).ToHaveURLAsync(PairUrl());
        await Expect(session.Page.GetByTestId("chart")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task UntickAPark_AndCompare_PutsTheChoiceInTheUrl()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync("/compare?indicator=industrial_output");
        var compare = new ComparePage(session.Page, Ui.Zh);
        await Expect(compare.ParkCheckbox("大通北川工业园区")).ToBeCheckedAsync();
        await Expect(session.Page.GetByTestId("compare-contains")).ToContainTextAsync("西宁市是整座城市的数字，不是一个园区");

        await compare.ParkCheckbox("西宁市").UncheckAsync();
        await session.LoadsNewCircuitAsync(() => session.Page.GetByTestId("compare-submit").ClickAsync());

        // One park left is nothing to compare: the page keeps both, and says so by offering both again.
        await Expect(session.Page).ToHaveURLAsync(OneParkUrl());
        await Expect(compare.ParkCheckbox("大通北川工业园区")).ToBeCheckedAsync();
        await Expect(compare.ParkCheckbox("西宁市")).ToBeCheckedAsync();
    }

    [GeneratedRegex(@"/compare\?indicator=\w+&period=\w+$")]
    private static partial Regex PairUrl();

    [GeneratedRegex(@"indicator=industrial_output&period=year_20220101_20221231&parks=beichuan$")]
    private static partial Regex OneParkUrl();
}
