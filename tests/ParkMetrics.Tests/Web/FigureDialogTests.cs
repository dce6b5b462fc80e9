using Bunit;
using ParkMetrics.Data.Checks;
using ParkMetrics.Tests.Checks;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Entities;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.Web;

/// <summary>The provenance dialog as a page renders it: a native &lt;dialog&gt; whose quote, period, qualifier, source and context are in the HTML.</summary>
public sealed class FigureDialogTests : ComponentTest
{
    [Fact]
    public void Render_Figure_IsAClosedModalDialogLabelledByItsTitle()
    {
        var cut = RenderDialog(SeedFigures.Find("ganhe", "industrial_output_above_scale", "year", "2022-01-01"));

        var dialog = cut.Find("dialog");
        Assert.Null(dialog.GetAttribute("open"));
        Assert.Equal("any", dialog.GetAttribute("closedby"));
        Assert.Equal(dialog.GetAttribute("aria-labelledby"), cut.Find("h2").Id);
        // Closing needs no script: buttons that command the dialog to close.
        Assert.Equal(2, cut.FindAll($"button[command=close][commandfor='{dialog.Id}']").Count);
    }

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Show_SeedFigure_QuotesTheSourceWithTheNumberMarked(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var figure = SeedFigures.Find("dongchuan", "industrial_output_above_scale", "plan_cumulative", "2021-01-01");
        var cut = RenderDialog(figure);

        var dialog = cut.Find("dialog");
        Assert.Equal("累计实现规模以上工业总产值近624亿元", cut.Find("[data-testid=provenance-quote]").TextContent.Trim());
        Assert.Equal("624", cut.Find("[data-testid=provenance-quote] mark").TextContent);
        Assert.Equal(TestCulture.Pick(culture, "近624亿元", "nearly CNY 62.4 bn"), cut.Find("[data-testid=provenance-value]").TextContent);
        Assert.Equal(TestCulture.Pick(culture, "规模以上工业总产值", "Gross industrial output (above designated size)"), cut.Find("h2").TextContent);
        var source = cut.Find("figcaption a");
        Assert.Equal("东川园区：向新攀高书写“十四五”东川答卷", source.TextContent);
        Assert.Equal($"sources/{figure.SourceId}?figure={figure.Id}", source.GetAttribute("href"));
        Assert.Contains(TestCulture.Pick(culture, "“十四五”期间累计", "14th Five-Year Plan, total"), dialog.TextContent, StringComparison.Ordinal);
        // 6240000 万元 is stored; 624 亿元 was printed: both are shown, the stored one as converted
        Assert.Contains("6240000 万元", dialog.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Show_SourceWithText_ShowsTheSentenceAroundTheQuoteAndLinksToTheSource(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var figure = MadeUp.Figure("industrial_output", 993.1m, "亿元", quote: "规上工业产值993.1亿元") with
        {
            Id = 42, SourceId = 7, SourceUrl = "https://example.org/report", SourceKind = SourceKind.NewsArticle,
        };
        SourceTexts[7] = "开发区经济运行平稳。1月至8月，开发区完成\n规上工业产值993.1亿元，增长18.7%。工业投资125.8亿元。";
        var cut = RenderDialog(figure);

        var context = cut.Find("[data-testid=provenance-context]");
        Assert.Equal("1月至8月，开发区完成规上工业产值993.1亿元，增长18.7%。", context.TextContent);
        Assert.Equal("zh", context.GetAttribute("lang"));
        Assert.Equal("规上工业产值993.1亿元", context.QuerySelector("[data-testid=source-quote]")!.TextContent);
        Assert.Equal("993.1", context.QuerySelector("mark")!.TextContent);
        Assert.Equal("https://example.org/report", cut.Find("[data-testid=provenance-url]").GetAttribute("href"));
        Assert.Equal("sources/7?figure=42", cut.Find("[data-testid=provenance-in-source]").GetAttribute("href"));
        Assert.Contains(TestCulture.Pick(culture, "新闻报道", "news article"), cut.Find("figcaption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_SourceWithoutText_ShowsNoContext()
    {
        var cut = RenderDialog(SeedFigures.Find("ganhe", "industrial_output_above_scale", "year", "2022-01-01"));

        Assert.Empty(cut.FindAll("[data-testid=provenance-context]"));
    }

    [Fact]
    public void Render_Figure_LinksToItsOwnPage()
    {
        var figure = SeedFigures.Find("ganhe", "industrial_output_above_scale", "year", "2022-01-01");

        var cut = RenderDialog(figure);

        Assert.Equal($"figures/{figure.Id}", cut.Find("[data-testid=provenance-permalink]").GetAttribute("href"));
    }

    [Fact]
    public void Show_FigureEnteredByHand_SaysSoInsteadOfAQuote()
    {
        using var _ = TestCulture.Use("zh-CN");
        var figure = MadeUp.Figure("industrial_output", 3500000, "万元", qualifier: Qualifier.Exact) with { Note = "统计局年报" };
        var cut = RenderDialog(figure);

        Assert.Equal("由管理员录入，无原文引文：统计局年报", cut.Find("[data-testid=provenance-entered]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=provenance-quote]"));
    }

    /// <summary>The number to mark is the figure, never digits inside a longer number printed before it (the 20 of 2023, the 5 of 295).</summary>
    [Theory]
    [InlineData("xetdz", "project_capacity_wafer_slicing", "point", "2023-08-31", "35吉瓦单晶硅、", "5")]
    public void Show_NumberAlsoInsideALongerNumber_MarksTheStandaloneOne(string park, string indicator, string kind, string start, string before, string number)
    {
        var cut = RenderDialog(SeedFigures.Find(park, indicator, kind, start));

        var quote = cut.Find("[data-testid=provenance-quote] p");
        Assert.Equal(number, quote.QuerySelector("mark")!.TextContent);
        Assert.StartsWith(before + "<mark>", quote.InnerHtml, StringComparison.Ordinal);
    }

    /// <summary>Every finding the figure takes part in is in its dialog, surest first, each with its sentence and a link to it.</summary>
    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Show_FigureInFindings_ListsEachFindingWithItsSentenceAndLink(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var figure = SeedFigures.Find("dongchuan", "fixed_asset_investment", "plan_cumulative", "2021-01-01");
        var components = SeedChecks.DongchuanInvestment;
        var note = components with { Key = "0123456789abcdef", Severity = Severity.Note };
        Findings[figure.Id] = [components, note];

        var cut = RenderDialog(figure);

        var items = cut.FindAll("[data-testid=provenance-finding]");
        Assert.Equal(["contradiction", "note"], items.Select(i => i.GetAttribute("data-severity")));
        Assert.Contains(components.Sentence(culture == "zh-CN"), items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"checks?park=dongchuan&rule=components&finding={components.Key}#finding-{components.Key}", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(TestCulture.Pick(culture, "与其他数字的核对", "Checked against other figures"), cut.Find("[data-testid=provenance-findings] h3").TextContent);
    }

    [Fact]
    public void Show_FigureInNoFinding_HasNoFindingsSection()
    {
        var cut = RenderDialog(SeedFigures.Find("ganhe", "industrial_output_above_scale", "year", "2022-01-01"));

        Assert.Empty(cut.FindAll("[data-testid=provenance-findings]"));
    }

    private IRenderedComponent<FigureDialog> RenderDialog(Figure figure) =>
        RenderWithContext<FigureDialog>(p => p.Add(c => c.Figure, figure).Add(c => c.Id, $"figure-{figure.Id}-1"));
}
