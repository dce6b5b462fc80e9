using System.Text.RegularExpressions;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

public sealed partial class CompareTests(BrowserApp app)
{
    [Fact]
    public async Task TickPark_OnCompare_AddsItToTheUrlAndAColumnToTheChartTable()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync(ComparePage.PathOf("industrial_output_above_scale", "xetdz"));
        await session.WaitForChartsAsync();
        var compare = new ComparePage(session.Page, Ui.Zh);
        await Expect(compare.Charts).ToHaveCountAsync(2); // 西宁开发区: years and January–August
        var years = compare.Chart("规模以上工业总产值 · 年度");
        await years.ShowTableAsync();
        Assert.Equal(["", "西宁经济技术开发区", "西宁经济技术开发区 · 预计"], await years.ColumnHeadersAsync());

        await compare.ParkCheckbox("东川工业园区").CheckAsync();

        await Expect(session.Page).ToHaveURLAsync(XetdzAndDongchuan());
        await Expect(years.Table.Locator("thead th")).ToHaveTextAsync(["", "西宁经济技术开发区", "西宁经济技术开发区 · 预计", "东川工业园区"]);
        await Expect(compare.Charts).ToHaveCountAsync(3); // and 东川's plan total: 近624亿元
        var planTotals = compare.Chart("规模以上工业总产值 · 规划期累计");
        await planTotals.ShowTableAsync();
        Assert.Contains(["“十四五”期间累计", "—", "近624亿元"], await planTotals.RowsAsync());
        session.AssertNoConsoleErrors();
    }

    [GeneratedRegex(@"indicator=industrial_output_above_scale&parks=xetdz(,|%2C)dongchuan$")]
    private static partial Regex XetdzAndDongchuan();
}
