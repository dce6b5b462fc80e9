using Bunit;
using ParkMetrics.Web.Components.Shared;

namespace ParkMetrics.Tests.Web;

public sealed class ChartViewTests : ComponentTest
{
    private const string Module = "./Components/Shared/ChartView.razor.js";

    private static readonly ChartSpec TwoYears = new(ChartKind.Line, ["2022年", "2023年"],
        [new ChartSeries("大通北川工业园区", [321m, null], ["321亿元", null]), new ChartSeries("甘河工业园区", [645m, 12.5m])], "亿元");

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Render_EmptySpec_ShowsTheEmptyMessageAndNoCanvas(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var empty = new ChartSpec(ChartKind.Bar, ["2023年"], [new ChartSeries("东川工业园区", [null])]);

        var cut = Render<ChartView>(p => p.Add(c => c.Spec, empty).Add(c => c.Title, "规上工业总产值"));

        Assert.Equal(TestCulture.Pick(culture, "所选范围内没有可绘制的数据。", "There is nothing to draw for this selection."),
            cut.Find("[data-testid=chart-empty]").TextContent);
        Assert.Empty(cut.FindAll("canvas"));
        Assert.Empty(cut.FindAll("[data-testid=show-table]"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "import");
    }

    [Fact]
    public void Render_Spec_DrawsOnALabelledCanvasThroughItsModule()
    {
        using var _ = TestCulture.Use("zh-CN");
        var module = JSInterop.SetupModule(Module);

        var cut = Render<ChartView>(p => p.Add(c => c.Spec, TwoYears).Add(c => c.Title, "工业总产值"));

        Assert.Equal("工业总产值", cut.Find("canvas").GetAttribute("aria-label"));
        Assert.Equal("img", cut.Find("canvas").GetAttribute("role"));
        module.VerifyInvoke("render");
        Assert.Empty(cut.FindAll("table"));
    }

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Click_TableView_ShowsTheSameNumbersAsATable(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var cut = Render<ChartView>(p => p.Add(c => c.Spec, TwoYears).Add(c => c.Title, "工业总产值"));

        cut.Find("[data-testid=show-table]").Click();

        Assert.Equal(["", "大通北川工业园区", "甘河工业园区"], cut.FindAll("thead th").Select(th => th.TextContent));
        var rows = cut.FindAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(["2022年", "321亿元", "645"], rows[0]); // the note where there is one, else the number
        Assert.Equal(["2023年", "—", "12.5"], rows[1]); // a gap stays a gap
        Assert.Contains("d-none", cut.Find(".chart-canvas-box").ClassList);
        Assert.True(cut.Find("[data-testid=download-png]").HasAttribute("disabled"));
        Assert.Equal(TestCulture.Pick(culture, "表格", "Table"), cut.Find("[data-testid=show-table]").TextContent);
    }
}
