using Bunit;
using ParkMetrics.Web.Components.Shared;

namespace ParkMetrics.Tests.Web;

public sealed class ChartViewTests : ComponentTest
{
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
    }

    /// <summary>The canvas carries its spec for wwwroot/js/pages.js to draw: no circuit, no JS interop from the server.</summary>
    [Fact]
    public void Render_Spec_PutsTheSpecOnALabelledCanvas()
    {
        using var _ = TestCulture.Use("zh-CN");

        var cut = Render<ChartView>(p => p.Add(c => c.Spec, TwoYears).Add(c => c.Title, "工业总产值"));

        var canvas = cut.Find("canvas");
        Assert.Equal("工业总产值", canvas.GetAttribute("aria-label"));
        Assert.Equal("img", canvas.GetAttribute("role"));
        using var spec = System.Text.Json.JsonDocument.Parse(canvas.GetAttribute("data-chart")!);
        Assert.Equal("line", spec.RootElement.GetProperty("kind").GetString());
        Assert.Equal(["2022年", "2023年"], spec.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("亿元", spec.RootElement.GetProperty("valueAxisTitle").GetString());
    }

    /// <summary>A downloaded PNG stands on its own: the canvas says what to write under the chart.</summary>
    [Fact]
    public void Render_SpecWithPeriodAndSources_GivesTheImageItsTitleUnitPeriodAndSource()
    {
        using var _ = TestCulture.Use("zh-CN");
        var spec = TwoYears with { Period = "2022年—2023年", Sources = ["东川园区：向新攀高书写“十四五”东川答卷"] };

        var cut = Render<ChartView>(p => p.Add(c => c.Spec, spec).Add(c => c.Title, "工业总产值").Add(c => c.FileName, "beichuan-output"));

        using var image = System.Text.Json.JsonDocument.Parse(cut.Find("canvas").GetAttribute("data-image")!);
        Assert.Equal("beichuan-output.png", image.RootElement.GetProperty("fileName").GetString());
        Assert.Equal("工业总产值", image.RootElement.GetProperty("title").GetString());
        var lines = image.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("单位：亿元", lines);
        Assert.Contains("期间：2022年—2023年", lines);
        Assert.Contains("来源：东川园区：向新攀高书写“十四五”东川答卷", lines);
    }

    /// <summary>The point that joins a forecast's dashed line to the last actual is the actual's: never in the forecast's column.</summary>
    [Fact]
    public void Render_ForecastBridgedFromTheLastActual_LeavesTheBridgeOutOfTheForecastColumn()
    {
        using var _ = TestCulture.Use("zh-CN");
        var spec = new ChartSpec(ChartKind.Line, ["2020年", "2021年"],
            [new ChartSeries("东川", [558.9m, null], ["558.9亿元", null]), new ChartSeries("东川 · 预计", [558.9m, 600m], ["558.9亿元", "预计600亿元"], Dashed: true) { BridgeIndex = 0 }]);

        var cut = Render<ChartView>(p => p.Add(c => c.Spec, spec).Add(c => c.Title, "工业总产值"));

        var rows = cut.FindAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(["2020年", "558.9亿元", "—"], rows[0]);
        Assert.Equal(["2021年", "—", "预计600亿元"], rows[1]);
        Assert.NotEmpty(cut.FindAll("[data-testid=chart-projection-note]"));
    }

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Render_Spec_HoldsTheSameNumbersAsATable(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var cut = Render<ChartView>(p => p.Add(c => c.Spec, TwoYears).Add(c => c.Title, "工业总产值"));

        Assert.Equal(["", "大通北川工业园区", "甘河工业园区"], cut.FindAll("thead th").Select(th => th.TextContent));
        var rows = cut.FindAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(["2022年", "321亿元", "645"], rows[0]); // the note where there is one, else the number
        Assert.Equal(["2023年", "—", "12.5"], rows[1]); // a gap stays a gap
        // The table is the view without script; with it, the chart, and the table one click away (pages.js).
        Assert.Equal("chart", cut.Find("[data-testid=chart]").GetAttribute("data-view"));
        Assert.Equal(TestCulture.Pick(culture, "表格", "Table"), cut.Find("[data-testid=show-table]").TextContent);
    }
}
