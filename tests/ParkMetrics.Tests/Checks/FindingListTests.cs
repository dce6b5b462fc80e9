using Bunit;
using ParkMetrics.Data.Checks;
using ParkMetrics.Tests.Web;
using ParkMetrics.Web.Features.Checks;

namespace ParkMetrics.Tests.Checks;

public sealed class FindingListTests : ComponentTest
{
    private static Finding Investment => SeedChecks.Findings.Single(f => f.Rule == CheckRule.Components);

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Render_CandidateFindings_WarnsInTheReadersLanguageWithEachSentence(string culture)
    {
        using var _ = TestCulture.Use(culture);

        var cut = Render<FindingList>(p => p.Add(c => c.Findings, [Investment]));

        var warning = cut.Find("[data-testid=candidate-findings]");
        Assert.Contains("alert-warning", warning.ClassName, StringComparison.Ordinal);
        Assert.Contains(TestCulture.Pick(culture, "将新增 1 条核对发现", "would add 1 finding(s)"), warning.TextContent, StringComparison.Ordinal);
        Assert.Equal(Investment.Sentence(culture.StartsWith("zh", StringComparison.Ordinal)), cut.Find("[data-testid=candidate-finding]").TextContent);
    }

    [Fact]
    public void Render_NoFindings_SaysSo_AndNullShowsNothing()
    {
        using var _ = TestCulture.Use("zh-CN");

        Assert.Contains("不会引出新的核对发现", Render<FindingList>(p => p.Add(c => c.Findings, [])).Markup, StringComparison.Ordinal);
        Assert.Equal("", Render<FindingList>(p => p.Add(c => c.Findings, null)).Markup.Trim());
    }

    [Fact]
    public void Render_Finding_ShowsEveryFigureWithItsQuoteAndALinkToItInItsSource()
    {
        using var _ = TestCulture.Use("zh-CN");

        var cut = Render<FindingView>(p => p.Add(c => c.Finding, Investment));

        Assert.Equal("矛盾", cut.Find(".badge").TextContent);
        Assert.Equal(3, cut.FindAll("[data-testid=finding-figure]").Count);
        Assert.Contains("“其中工业投资91.2亿元”", cut.Markup, StringComparison.Ordinal);
        Assert.All(cut.FindAll("[data-testid=finding-source]"), a => Assert.Matches(@"^sources/\d+\?figure=\d+$", a.GetAttribute("href")));
        Assert.Equal("139.0亿元（138.9～139.1）", cut.Find("[data-testid=finding-expected]").TextContent);
    }
}
