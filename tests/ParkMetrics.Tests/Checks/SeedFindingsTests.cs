using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Tests.Checks;

/// <summary>The real seed against the rules: its own inconsistencies are found, and none of its consistent pairs is flagged.</summary>
public sealed class SeedFindingsTests
{
    private static IReadOnlyList<Finding> Findings => SeedChecks.Findings;

    private static Finding Single(CheckRule rule, string indicator) =>
        Assert.Single(Findings, f => f.Rule == rule && f.Figures.Any(x => x.Figure.IndicatorCode == indicator && x.Role is FigureRole.Total or FigureRole.Share or FigureRole.InSeries));

    [Fact]
    public void Evaluate_DongchuanInvestment_ComponentsAre18YiShortOfTheTotal()
    {
        var finding = Single(CheckRule.Components, "fixed_asset_investment");

        Assert.Equal(Severity.Contradiction, finding.Severity);
        Assert.Equal("157亿元", finding.Reported);
        Assert.Equal(139.0, finding.ExpectedValue, 9);
        Assert.Equal("东川工业园区“十四五”期间累计固定资产投资报告为157亿元，而其构成工业投资91.2亿元与非工业投资47.8亿元合计139.0亿元，比总数少18.0亿元。", finding.SentenceZh);
        Assert.Equal(["固定资产投资累计完成157亿元", "其中工业投资91.2亿元", "非工投资47.8亿元"], finding.Figures.Select(f => f.Figure.Quote));
        Assert.All(finding.Figures, f => Assert.Equal("dongchuan-fyp14", f.Figure.SourceCode));
    }

    [Fact]
    public void Evaluate_Beichuan27Of40_IsNot58Point9Percent()
    {
        var finding = Single(CheckRule.CountShare, "industrial_enterprises_above_scale_new_share_of_park_total");

        Assert.Equal(Severity.Contradiction, finding.Severity);
        Assert.Equal(67.5, finding.ExpectedValue, 9);
        Assert.Equal("58.9%", finding.Reported);
        Assert.Equal([FigureRole.Share, FigureRole.Part, FigureRole.Base], finding.Figures.Select(f => f.Role));
        Assert.Equal(PeriodKind.Point, finding.Figures[2].Figure.PeriodKind); // the total at the end of the period
    }

    [Fact]
    public void Evaluate_Beichuan27AsEightyEightPercentOfTheCounty_NoWholeCountFits()
    {
        var finding = Single(CheckRule.CountShare, "industrial_enterprises_above_scale_new_share_of_county_new");

        Assert.Equal(Severity.Implausible, finding.Severity);
        Assert.Equal("27÷31＝87.1%，27÷30＝90.0%", finding.Expected);
    }

    [Fact]
    public void Evaluate_NewMaterialsShareSaidToRise_FallsIn2022()
    {
        Assert.SkipUnless(SeedChecks.HasArticles, "The article texts (../shared/seeds) are not here: 逐步提高 stands in the text, not in the quote.");

        var finding = Single(CheckRule.Trend, "new_materials_output_share");

        Assert.Equal(Severity.Contradiction, finding.Severity);
        Assert.Contains("逐步提高", finding.SentenceZh, StringComparison.Ordinal);
        Assert.Equal("21.44%", finding.Reported);
        Assert.Equal(5, finding.Figures.Count);
    }

    [Fact]
    public void Evaluate_RealSeed_FindsNothingElse()
    {
        var expected = SeedChecks.HasArticles ? 4 : 3;

        Assert.Equal(expected, Findings.Count);
    }

    /// <summary>Pairs the seed prints that agree, some only within rounding; each is covered by a declared relationship and stays silent.</summary>
    [Theory]
    [InlineData("industrial_output_share_of_city")]          // 321 ÷ 1739.7 = 18.45%, printed 18.5%
    [InlineData("industrial_output_above_scale_growth")]     // (1200 ÷ 558.9)^(1/5) − 1 = 16.51%, printed 16.5%
    [InlineData("local_fiscal_budget_revenue")]              // 27.24 of 93.3
    [InlineData("industrial_enterprises")]                   // 116 of 617 market entities
    [InlineData("industrial_enterprises_above_scale")]       // 51 of 116, and Beichuan's 40 as a base
    [InlineData("enterprise_issues_referred")]               // 9 of 42
    [InlineData("clean_energy_catalog_products_share")]      // 18 of 42 is 42.86%, printed 43%
    [InlineData("online_service_items_share")]               // 189 of 262 is 72.14%
    [InlineData("infrastructure_projects")]                  // Dongchuan's 40余 within the zone's 120
    [InlineData("industrial_output")]                        // Beichuan's 2025 target with 8%以上 a year
    public void Evaluate_RealSeed_ConsistentPairIsSilent(string indicator)
    {
        Assert.DoesNotContain(Findings, f => f.Figures.Any(x => x.Figure.IndicatorCode == indicator)
            && f.Rule is not CheckRule.CountShare);
    }

    [Fact]
    public void Evaluate_RealSeed_ChecksTheConsistentPairsItDeclares()
    {
        // The silence above is not for want of a relationship: each pair is declared or derived.
        var catalog = SeedChecks.Catalog;
        bool Declared(RelationshipKind kind, string indicator, string part) =>
            catalog.Relationships.Any(r => r.Kind == kind && catalog.Indicators[r.IndicatorId].Code == indicator && r.PartId is { } p && catalog.Indicators[p].Code == part);

        Assert.True(Declared(RelationshipKind.Share, "industrial_output_share_of_city", "industrial_output"));
        Assert.True(Declared(RelationshipKind.Growth, "industrial_output_above_scale_growth", "industrial_output_above_scale"));
        Assert.True(Declared(RelationshipKind.Subset, "fiscal_budget_revenue", "local_fiscal_budget_revenue"));
        Assert.True(Declared(RelationshipKind.Subset, "market_entities", "industrial_enterprises"));
        Assert.True(Declared(RelationshipKind.Share, "clean_energy_catalog_products_share", "clean_energy_catalog_products"));
        Assert.Contains(catalog.Relationships, r => r.Origin == RelationshipOrigin.Catalog && catalog.Indicators[r.IndicatorId].Code == "industrial_output_growth");
    }

    [Fact]
    public void Evaluate_RealSeed_EveryFindingSpeaksBothLanguagesAndQuotesEveryFigure()
    {
        Assert.All(Findings, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.SentenceZh));
            Assert.False(string.IsNullOrWhiteSpace(f.SentenceEn));
            Assert.DoesNotMatch("[\u4e00-\u9fff]{3,}", f.SentenceEn.Replace("逐步提高", "", StringComparison.Ordinal));
            Assert.All(f.Figures, x => Assert.Contains(x.Figure.Printed, x.Figure.Quote.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Key_SameRuleAndFigures_IsTheSameKey_OtherwiseNot()
    {
        var keys = Findings.Select(f => f.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(keys, ParkMetrics.Data.Checks.ConsistencyChecks.Evaluate(
            SeedChecks.Seed.Observations.Select((r, i) => ConsistencyChecks.FromRow(r, 1000 + i, SeedChecks.Catalog)!).ToList(), SeedChecks.Catalog,
            id => SeedChecks.Seed.Sources[id - 1].Text).Select(f => f.Key));
    }
}
