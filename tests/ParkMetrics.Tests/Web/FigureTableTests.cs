using Bunit;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.Web;

public sealed class FigureTableTests : ComponentTest
{
    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Render_NoFigures_ShowsTheEmptyMessageAndNoTable(string culture)
    {
        using var _ = TestCulture.Use(culture);

        var cut = Render<FigureTable>(p => p.Add(c => c.Figures, []));

        Assert.Equal(TestCulture.Pick(culture, "没有符合条件的数据。", "No figures match."), cut.Find("[data-testid=table-empty]").TextContent);
        Assert.Empty(cut.FindAll("table"));
    }

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Render_SeedFigure_ShowsPeriodReportedValueAndSource(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var figure = SeedFigures.Find("dongchuan", "industrial_output_above_scale", "plan_cumulative", "2021-01-01");

        var cut = Render<FigureTable>(p => p.Add(c => c.Figures, [figure]));

        var row = Assert.Single(cut.FindAll("tbody tr"));
        Assert.Contains(TestCulture.Pick(culture, "“十四五”期间累计", "14th Five-Year Plan, total"), row.TextContent, StringComparison.Ordinal);
        Assert.Equal(TestCulture.Pick(culture, "近624亿元", "nearly CNY 62.4 bn"), row.QuerySelector(".figure-amount")!.TextContent);
        var source = row.Children[^1].QuerySelector("a[href^='sources/']")!; // the source column (the dialog links there too)
        Assert.Equal("东川园区：向新攀高书写“十四五”东川答卷", source.TextContent);
        Assert.Equal($"sources/{figure.SourceId}", source.GetAttribute("href"));
    }

    [Fact]
    public void Render_MoreFiguresThanAPage_ShowsOnePageAndAPaginator()
    {
        using var _ = TestCulture.Use("zh-CN");
        IReadOnlyList<Figure> figures = [.. SeedFigures.OfPark("dongchuan").Take(30)];

        var cut = Render<FigureTable>(p => p.Add(c => c.Figures, figures).Add(c => c.PageSize, 25));

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tbody tr").Count(r => r.QuerySelector("[data-testid=figure-value]") is not null)));
        Assert.NotEmpty(cut.FindAll(".paginator"));
    }
}
