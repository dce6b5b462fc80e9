using Bunit;
using ParkMetrics.Data.Checks;
using ParkMetrics.Tests.Checks;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.Web;

public sealed class FigureValueTests : ComponentTest
{
    [Theory]
    // 累计实现规模以上工业总产值近624亿元
    [InlineData("zh-CN", "dongchuan", "industrial_output_above_scale", "plan_cumulative", "2021-01-01", "近624亿元")]
    [InlineData("en", "dongchuan", "industrial_output_above_scale", "plan_cumulative", "2021-01-01", "nearly CNY 62.4 bn")]
    // 总投资超1500亿元
    [InlineData("zh-CN", "xetdz", "projects_signed_investment", "plan_cumulative", "2021-01-01", "超1500亿元")]
    [InlineData("en", "xetdz", "projects_signed_investment", "plan_cumulative", "2021-01-01", "over CNY 150 bn")]
    // 就地转化率达到90%以上
    [InlineData("zh-CN", "beichuan", "molten_aluminium_local_conversion_rate", "point", "2024-02-01", "90%以上")]
    [InlineData("en", "beichuan", "molten_aluminium_local_conversion_rate", "point", "2024-02-01", "90% or more")]
    // 对外出口总额预计可实现36亿元
    [InlineData("zh-CN", "xetdz", "exports", "year", "2025-01-01", "预计36亿元")]
    [InlineData("en", "xetdz", "exports", "year", "2025-01-01", "forecast CNY 3.6 bn")]
    public void Render_QualifiedFigure_ShowsTheSourcesQualifierWord(string culture, string park, string indicator, string kind, string start, string expected)
    {
        using var _ = TestCulture.Use(culture);

        var cut = Render<FigureValue>(p => p.Add(c => c.Figure, SeedFigures.Find(park, indicator, kind, start)));

        Assert.Equal(expected, cut.Find(".figure-amount").TextContent);
    }

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Render_AnyFigure_IsAButtonNamedToShowTheSource(string culture)
    {
        using var _ = TestCulture.Use(culture);

        var cut = Render<FigureValue>(p => p.Add(c => c.Figure, SeedFigures.Find("ganhe", "industrial_output_above_scale", "year", "2022-01-01")));

        var button = cut.Find("button[data-testid=figure-value]");
        Assert.Equal(TestCulture.Pick(culture, "查看来源", "Show source"), button.GetAttribute("title"));
        Assert.Equal(TestCulture.Pick(culture, "查看来源", "Show source"), button.QuerySelector(".visually-hidden")!.TextContent);
    }

    /// <summary>The dialog is in the page's HTML and the button opens it by itself (command="show-modal"): no circuit, no script needed.</summary>
    [Fact]
    public void Render_FigureValue_ButtonOpensItsOwnDialogHoldingTheQuote()
    {
        using var _ = TestCulture.Use("zh-CN");
        var figure = SeedFigures.Find("ganhe", "industrial_output_above_scale", "year", "2022-01-01");
        var cut = Render<FigureValue>(p => p.Add(c => c.Figure, figure));

        var button = cut.Find("button[data-testid=figure-value]");
        Assert.Equal("show-modal", button.GetAttribute("command"));
        var dialog = cut.Find("dialog");
        Assert.Equal(dialog.Id, button.GetAttribute("commandfor"));
        Assert.Equal(FigureText.Unwrapped(figure.Quote), dialog.QuerySelector("[data-testid=provenance-quote]")!.TextContent.Trim());
        Assert.Null(dialog.GetAttribute("open"));
    }

    /// <summary>A figure in a tile and in a table row: the page carries its quote once, and both buttons open it.</summary>
    [Fact]
    public void Render_SameFigureTwice_BothButtonsOpenOneDialog()
    {
        var figure = SeedFigures.Find("ganhe", "industrial_output_above_scale", "year", "2022-01-01");
        var first = Render<FigureValue>(p => p.Add(c => c.Figure, figure));
        var second = Render<FigureValue>(p => p.Add(c => c.Figure, figure));

        Assert.Empty(second.FindAll("dialog"));
        Assert.Equal(first.Find("dialog").Id, second.Find("button").GetAttribute("commandfor"));
    }

    /// <summary>东川's 十四五 investment of 157亿元 is 18亿元 more than its two components: its value carries a mark leading to the finding.</summary>
    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Render_FigureInAFinding_CarriesAMarkLinkingToTheFinding(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var figure = SeedFigures.Find("dongchuan", "fixed_asset_investment", "plan_cumulative", "2021-01-01");
        var finding = SeedChecks.DongchuanInvestment;
        Findings[figure.Id] = [finding];

        var cut = RenderWithContext<FigureValue>(p => p.Add(c => c.Figure, figure));

        var mark = cut.Find("a[data-testid=figure-check-mark]");
        Assert.Equal($"checks?park=dongchuan&rule=components&finding={finding.Key}#finding-{finding.Key}", mark.GetAttribute("href"));
        Assert.Equal("contradiction", mark.GetAttribute("data-severity"));
        Assert.Equal(finding.Sentence(culture == "zh-CN"), mark.GetAttribute("title"));
        Assert.Equal(TestCulture.Pick(culture, "数据核对：矛盾（共 1 项）", "Consistency check: Contradiction (findings: 1)"),
            mark.QuerySelector(".visually-hidden")!.TextContent);
    }

    [Fact]
    public void Render_FigureInNoFinding_CarriesNoMark()
    {
        var figure = SeedFigures.Find("dongchuan", "fixed_asset_investment", "plan_cumulative", "2021-01-01");
        Findings[figure.Id + 1] = [SeedChecks.Findings[0]];

        var cut = RenderWithContext<FigureValue>(p => p.Add(c => c.Figure, figure));

        Assert.Empty(cut.FindAll("[data-testid=figure-check-mark]"));
    }
}
