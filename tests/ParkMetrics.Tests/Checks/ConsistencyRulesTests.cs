using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;
using static ParkMetrics.Tests.Checks.TestFigures;

namespace ParkMetrics.Tests.Checks;

/// <summary>Each rule on small constructed data: a violation is found, agreement within rounding is silent, qualifiers lean the right way.</summary>
public sealed class ConsistencyRulesTests
{
    private static TestFigures Investment(string total, string industrial, string other, Qualifier totalQualifier = Qualifier.Exact, string? totalQuote = null)
    {
        var set = new TestFigures();
        set.Add("dongchuan", "fixed_asset_investment", PeriodKind.PlanCumulative, Plan14, total, "亿元", totalQualifier, totalQuote);
        set.Add("dongchuan", "industrial_investment", PeriodKind.PlanCumulative, Plan14, industrial, "亿元");
        set.Add("dongchuan", "non_industrial_investment", PeriodKind.PlanCumulative, Plan14, other, "亿元");
        return set;
    }

    // ---- components ----

    [Fact]
    public void Components_PartsShortOfTheTotal_IsAContradictionWithBothNumbers()
    {
        var finding = Assert.Single(Investment("157", "91.2", "47.8").Check());

        Assert.Equal((CheckRule.Components, Severity.Contradiction), (finding.Rule, finding.Severity));
        Assert.Equal(139.0, finding.ExpectedValue, 9);
        Assert.Equal("157亿元", finding.Reported);
        Assert.StartsWith("139.0亿元", finding.Expected, StringComparison.Ordinal);
        Assert.Contains("比总数少18.0亿元", finding.SentenceZh, StringComparison.Ordinal);
        Assert.Contains("CNY 1.80 bn short of the total", finding.SentenceEn, StringComparison.Ordinal);
        Assert.Equal([FigureRole.Total, FigureRole.Component, FigureRole.Component], finding.Figures.Select(f => f.Role));
    }

    [Fact]
    public void Components_AgreeOnlyWithinRounding_IsSilent()
    {
        // 91.24 + 47.8 = 139.04, which 139 printed (138.5–139.5) holds.
        Assert.Empty(Investment("139", "91.24", "47.8").Check());
        // 91.2 + 47.8 = 139.0 against 139.6: 139.55–139.65 and 138.9–139.1 do not meet.
        Assert.Single(Investment("139.6", "91.2", "47.8").Check());
    }

    [Theory]
    [InlineData("超130", "130", Qualifier.Over, false)]   // more than 130: 139 fits
    [InlineData("超140", "140", Qualifier.Over, true)]    // more than 140: 139 does not, 超 never widens downwards
    [InlineData("近140", "140", Qualifier.Approx, false)] // nearly 140, from below: 139 fits
    [InlineData("近138", "138", Qualifier.Approx, true)]  // nearly 138 is at most 138.5: 139 does not fit, 近 never widens upwards
    [InlineData("约132", "132", Qualifier.Approx, false)] // about 132 (±5%) reaches 139
    [InlineData("约145", "145", Qualifier.Approx, false)]
    [InlineData("约150", "150", Qualifier.Approx, true)]  // about 150 reaches down to 142, not 139
    public void Components_QualifiedTotal_WidensOnlyTheWayItsWordLeans(string quote, string total, Qualifier qualifier, bool found)
    {
        var findings = Investment(total, "91.2", "47.8", qualifier, "固定资产投资累计完成" + quote + "亿元").Check();

        Assert.Equal(found, findings.Count == 1);
    }

    [Fact]
    public void Components_OnlySomeReported_ExceedingTheTotal_IsFound()
    {
        var set = new TestFigures();
        set.Add("dongchuan", "fixed_asset_investment", PeriodKind.PlanCumulative, Plan14, "157", "亿元");
        set.Add("dongchuan", "industrial_investment", PeriodKind.PlanCumulative, Plan14, "160", "亿元");

        var finding = Assert.Single(set.Check());
        Assert.Contains("已达160亿元", finding.SentenceZh, StringComparison.Ordinal);
        Assert.Empty(Partial("150").Check());

        static TestFigures Partial(string part)
        {
            var s = new TestFigures();
            s.Add("dongchuan", "fixed_asset_investment", PeriodKind.PlanCumulative, Plan14, "157", "亿元");
            s.Add("dongchuan", "industrial_investment", PeriodKind.PlanCumulative, Plan14, part, "亿元");
            return s;
        }
    }

    [Fact]
    public void Components_TotalForecastPartsActual_IsOnlyANote()
    {
        var finding = Assert.Single(Investment("157", "91.2", "47.8", Qualifier.Forecast, "预计完成157亿元").Check());

        Assert.Equal(Severity.Note, finding.Severity);
    }

    [Fact]
    public void Components_DifferentUnits_AreComparedInOneUnit()
    {
        // 912000万元 is 91.2亿元.
        var set = new TestFigures();
        set.Add("dongchuan", "fixed_asset_investment", PeriodKind.PlanCumulative, Plan14, "139", "亿元");
        set.Add("dongchuan", "industrial_investment", PeriodKind.PlanCumulative, Plan14, "912000", "万元");
        set.Add("dongchuan", "non_industrial_investment", PeriodKind.PlanCumulative, Plan14, "47.8", "亿元");
        Assert.Empty(set.Check());
    }

    // ---- parts ----

    [Fact]
    public void Subset_PartAboveItsWhole_IsFound_EqualIsSilent()
    {
        static IReadOnlyList<Finding> Check(string whole, string part)
        {
            var set = new TestFigures();
            set.Add("dongchuan", "fiscal_budget_revenue", PeriodKind.PlanCumulative, Plan14, whole, "亿元");
            set.Add("dongchuan", "local_fiscal_budget_revenue", PeriodKind.PlanCumulative, Plan14, part, "亿元");
            return set.Check();
        }

        var finding = Assert.Single(Check("27.2", "27.4"));
        Assert.Equal((CheckRule.Subset, Severity.Contradiction), (finding.Rule, finding.Severity));
        Assert.Empty(Check("27", "27.4")); // 27 printed reaches 27.5
        Assert.Empty(Check("93.3", "27.24"));
    }

    // ---- shares ----

    private static IReadOnlyList<Finding> CityShare(string share, string park, string city)
    {
        var set = new TestFigures();
        set.Add("beichuan", "industrial_output", PeriodKind.Year, Year(2022), park, "亿元", source: "beichuan-2024");
        set.Add("xining", "industrial_output", PeriodKind.Year, Year(2022), city, "亿元", source: "beichuan-2024");
        set.Add("beichuan", "industrial_output_share_of_city", PeriodKind.Year, Year(2022), share, "%", source: "beichuan-2024");
        return set.Check();
    }

    [Fact]
    public void Share_PartOverBaseOfTheNamedPark_WithinRounding_IsSilent()
    {
        // 321 ÷ 1739.7 = 18.45%, below 18.5 but within what 321 and 18.5 printed can stand for.
        Assert.Empty(CityShare("18.5", "321", "1739.7"));
    }

    [Fact]
    public void Share_FarFromPartOverBase_IsAContradiction()
    {
        var finding = Assert.Single(CityShare("20", "321", "1739.7"));

        Assert.Equal((CheckRule.Share, Severity.Contradiction), (finding.Rule, finding.Severity));
        Assert.Equal(18.45, Math.Round(finding.ExpectedValue, 2));
        Assert.Contains("西宁市", finding.SentenceZh, StringComparison.Ordinal);
        Assert.Contains("Xining City's", finding.SentenceEn, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Finding> ShareOfTotal(string share, string added = "27", string total = "40")
    {
        var set = new TestFigures();
        var soFar = ("2021-01-01", "2024-02-01");
        set.Add("beichuan", "industrial_enterprises_above_scale_new", PeriodKind.PlanToDate, soFar, added, "户", source: "beichuan-2024");
        set.Add("beichuan", "industrial_enterprises_above_scale", PeriodKind.Point, ("2024-02-01", "2024-02-01"), total, "户", source: "beichuan-2024");
        set.Add("beichuan", "industrial_enterprises_above_scale_new_share_of_park_total", PeriodKind.PlanToDate, soFar, share, "%", source: "beichuan-2024");
        return set.Check();
    }

    [Fact]
    public void CountShare_CountOverTheCountAtTheEnd_ComparesWithTheStockOnThatDate()
    {
        var finding = Assert.Single(ShareOfTotal("58.9"));

        Assert.Equal((CheckRule.CountShare, Severity.Contradiction), (finding.Rule, finding.Severity));
        Assert.Equal(67.5, finding.ExpectedValue, 9);
        Assert.Empty(ShareOfTotal("67.5"));
        Assert.Empty(ShareOfTotal("68")); // 27/40 = 67.5 is in what 68 printed stands for (67.5–68.5)
    }

    [Fact]
    public void CountShare_WithoutTheWhole_NeedsSomeWholeNumber()
    {
        static IReadOnlyList<Finding> Check(string share, string part)
        {
            var set = new TestFigures();
            set.Add("dongchuan", "clean_energy_catalog_products", PeriodKind.Point, ("2025-11-30", "2025-11-30"), part, "项");
            set.Add("dongchuan", "clean_energy_catalog_products_share", PeriodKind.Point, ("2025-11-30", "2025-11-30"), share, "%");
            return set.Check();
        }

        Assert.Empty(Check("43", "18")); // 18 of 42 is 42.86%
        var finding = Assert.Single(Check("44.5", "18")); // 18/40 = 45.0%, 18/41 = 43.9%: none reads as 44.5%
        Assert.Equal((CheckRule.CountShare, Severity.Implausible), (finding.Rule, finding.Severity));
        Assert.Contains("18÷41", finding.Expected, StringComparison.Ordinal);
    }

    // ---- growth ----

    private static IReadOnlyList<Finding> Growth(string before, string after, string growth, Qualifier growthQualifier = Qualifier.Exact)
    {
        var set = new TestFigures();
        set.Add("ganhe", "industrial_output_above_scale", PeriodKind.Year, Year(2022), before, "亿元", source: "ganhe-2023");
        set.Add("ganhe", "industrial_output_above_scale", PeriodKind.Year, Year(2023), after, "亿元", source: "ganhe-2023");
        set.Add("ganhe", "industrial_output_above_scale_growth", PeriodKind.Year, Year(2023), growth, "%", growthQualifier, "增长" + growth + "%", source: "ganhe-2023");
        return set.Check();
    }

    [Fact]
    public void Growth_RateAgainstTheLevelsOfConsecutiveYears()
    {
        Assert.Empty(Growth("645", "705.6", "9.4"));  // 705.6/645 − 1 = 9.40%
        Assert.Empty(Growth("645", "706", "9.5"));    // 9.46%, within the rounding of 706 and 9.5
        var finding = Assert.Single(Growth("645", "705.6", "12"));
        Assert.Equal((CheckRule.Growth, Severity.Implausible), (finding.Rule, finding.Severity));
        Assert.Equal(9.40, Math.Round(finding.ExpectedValue, 2));
    }

    [Fact]
    public void Growth_YearToDate_ComparesWithTheSameMonthsAYearEarlier()
    {
        var set = new TestFigures();
        set.Add("xetdz", "industrial_output_above_scale", PeriodKind.YtdMonth, ("2022-01-01", "2022-08-31"), "836.6", "亿元", source: "xetdz-2023-ytd");
        set.Add("xetdz", "industrial_output_above_scale", PeriodKind.YtdMonth, ("2023-01-01", "2023-08-31"), "993.1", "亿元", source: "xetdz-2023-ytd");
        set.Add("xetdz", "industrial_output_above_scale_growth", PeriodKind.YtdMonth, ("2023-01-01", "2023-08-31"), "28.7", "%", source: "xetdz-2023-ytd");

        Assert.Equal(CheckRule.Growth, Assert.Single(set.Check()).Rule); // 993.1/836.6 is 18.7%
    }

    [Fact]
    public void Growth_LowerBoundRate_IsSilentAboveIt()
    {
        Assert.Empty(Growth("645", "705.6", "8", Qualifier.Over)); // 增长8%以上 holds 9.4%
        Assert.Single(Growth("645", "705.6", "10", Qualifier.Over));
    }

    private static IReadOnlyList<Finding> AverageGrowth(string rate, Qualifier rateQualifier = Qualifier.Forecast, Qualifier endQualifier = Qualifier.Forecast)
    {
        var set = new TestFigures();
        set.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2020), "558.9", "亿元", source: "xetdz-fyp14");
        set.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2025), "1200", "亿元", endQualifier, "预计增加至2025年的1200亿元", source: "xetdz-fyp14");
        set.Add("xetdz", "industrial_output_above_scale_growth", PeriodKind.AnnualAverage, Plan14, rate, "%", rateQualifier, "年均增长" + rate + "%", source: "xetdz-fyp14");
        return set.Check();
    }

    [Fact]
    public void AverageGrowth_AgainstTheLevelsAtBothEnds()
    {
        Assert.Empty(AverageGrowth("16.5")); // (1200/558.9)^(1/5) − 1 = 16.51%
        var note = Assert.Single(AverageGrowth("15"));
        Assert.Equal((CheckRule.AverageGrowth, Severity.Note), (note.Rule, note.Severity)); // a forecast beside an actual
        var actual = Assert.Single(AverageGrowth("15", Qualifier.Exact, Qualifier.Exact));
        Assert.Equal(Severity.Implausible, actual.Severity);
        Assert.Equal(16.51, Math.Round(actual.ExpectedValue, 2));
    }

    // ---- flows over time ----

    [Fact]
    public void PlanTotal_AgainstTheSumOfItsYears()
    {
        static IReadOnlyList<Finding> Check(string total, params string[] years)
        {
            var set = new TestFigures();
            set.Add("dongchuan", "fiscal_budget_revenue", PeriodKind.PlanCumulative, Plan14, total, "亿元");
            for (var i = 0; i < years.Length; i++) set.Add("dongchuan", "fiscal_budget_revenue", PeriodKind.Year, Year(2021 + i), years[i], "亿元");
            return set.Check();
        }

        Assert.Empty(Check("93.3", "17.1", "18.2", "18.9", "19.3", "19.8"));
        Assert.Empty(Check("93", "17.1", "18.2", "18.9", "19.3", "19.8")); // 93.3 is within 93 ± 0.5
        var all = Assert.Single(Check("98", "17.1", "18.2", "18.9", "19.3", "19.8"));
        Assert.Equal((CheckRule.PlanTotal, Severity.Contradiction), (all.Rule, all.Severity));
        Assert.Equal(93.3, all.ExpectedValue, 9);
        Assert.Single(Check("30", "17.1", "18.2")); // two years already more than the total
        Assert.Empty(Check("40", "17.1", "18.2"));
    }

    [Fact]
    public void PartOfYear_YearToDateAboveTheYear_IsFound_AForecastYearIsImplausible()
    {
        static IReadOnlyList<Finding> Check(string ytd, string year, Qualifier yearQualifier = Qualifier.Exact)
        {
            var set = new TestFigures();
            set.Add("xetdz", "industrial_output_above_scale", PeriodKind.YtdMonth, ("2023-01-01", "2023-08-31"), ytd, "亿元", source: "xetdz-2023-ytd");
            set.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2023), year, "亿元", yearQualifier, "预计" + year + "亿元", source: "xetdz-fyp14");
            return set.Check();
        }

        Assert.Empty(Check("993.1", "1400"));
        Assert.Empty(Check("993.1", "993")); // equal within rounding
        var actual = Assert.Single(Check("993.1", "950"));
        Assert.Equal((CheckRule.PartOfYear, Severity.Contradiction), (actual.Rule, actual.Severity));
        Assert.Contains("数据来自", actual.SentenceZh, StringComparison.Ordinal); // two reports: which figure came from which
        Assert.Equal(Severity.Implausible, Assert.Single(Check("993.1", "950", Qualifier.Forecast)).Severity);
    }

    [Fact]
    public void PartOfYear_LaterMonthBelowAnEarlierOne_IsFound()
    {
        var set = new TestFigures();
        set.Add("ganhe", "industrial_output_above_scale", PeriodKind.HalfYear, ("2023-01-01", "2023-06-30"), "338", "亿元", source: "ganhe-2023");
        set.Add("ganhe", "industrial_output_above_scale", PeriodKind.YtdMonth, ("2023-01-01", "2023-08-31"), "300", "亿元", source: "ganhe-2023");

        Assert.Equal(CheckRule.PartOfYear, Assert.Single(set.Check()).Rule);
    }

    // ---- targets ----

    private static IReadOnlyList<Finding> Target(string growth, Qualifier qualifier)
    {
        var set = new TestFigures();
        set.Add("beichuan", "industrial_output", PeriodKind.Target, Year(2025), "500", "亿元", source: "beichuan-2024");
        set.Add("beichuan", "industrial_output", PeriodKind.Year, Year(2022), "321", "亿元", source: "beichuan-2024");
        set.Add("beichuan", "industrial_output_growth", PeriodKind.AnnualAverage, ("2021-01-01", "2024-02-01"), growth, "%", qualifier, "年均增长保持在" + growth + "%以上", source: "beichuan-2024");
        return set.Check();
    }

    [Fact]
    public void Target_ReportedGrowthBelowWhatItNeeds_IsANote()
    {
        var finding = Assert.Single(Target("8", Qualifier.Exact));

        Assert.Equal((CheckRule.Target, Severity.Note), (finding.Rule, finding.Severity));
        Assert.Equal(15.9, Math.Round(finding.ExpectedValue, 1)); // (500/321)^(1/3) − 1, as the plan page computes it
        Assert.Empty(Target("8", Qualifier.Over)); // 8%以上 may be enough
        Assert.Empty(Target("16", Qualifier.Exact));
    }

    [Fact]
    public void Target_RequiredGrowth_IsWhatThePlanPageComputes()
    {
        var target = Tests.Web.SeedFigures.Find("beichuan", "industrial_output", "target", "2025-01-01");
        var plan = ParkMetrics.Web.Features.Plans.TargetProgress.Assess(target, Tests.Web.SeedFigures.OfPark("beichuan"),
            level => level == "industrial_output" ? ["industrial_output_growth"] : []);

        var finding = Assert.Single(Target("8", Qualifier.Exact));

        Assert.Equal(plan.RequiredAnnualGrowth, (decimal)Math.Round(finding.ExpectedValue, 1));
    }

    // ---- words against numbers ----

    private static IReadOnlyList<Finding> Trend(string sentence, params string[] values)
    {
        var set = new TestFigures();
        var quote = "分别为" + string.Join("、", values.Select(v => v + "%"));
        for (var i = 0; i < values.Length; i++)
            set.Add("dongchuan", "new_materials_output_share", PeriodKind.Year, Year(2021 + i), values[i], "%", quote: quote);
        var text = sentence + quote + "……";
        return set.Check(_ => text);
    }

    [Fact]
    public void Trend_SeriesDescribedAsRisingThatFalls_IsFound()
    {
        var finding = Assert.Single(Trend("规上新材料企业产值占比逐步提高，", "40", "21.44", "23.5", "42.57", "47.06"));

        Assert.Equal((CheckRule.Trend, Severity.Contradiction), (finding.Rule, finding.Severity));
        Assert.Contains("逐步提高", finding.SentenceZh, StringComparison.Ordinal);
        Assert.Contains("21.44%", finding.Reported, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_RisingSeries_OrAFallWithinRounding_OrNoTrendWord_IsSilent()
    {
        Assert.Empty(Trend("占比逐步提高，", "21.44", "23.5", "42.57", "47.06"));
        Assert.Empty(Trend("占比逐年提高，", "40", "39.6", "42")); // 39.6 may be 39.65 and 40 may be 39.5
        Assert.Empty(Trend("占比", "40", "21.44", "23.5"));
        Assert.Single(Trend("占比逐年下降，", "40", "21.44", "23.5")); // falling, then rising
    }

    // ---- across reports ----

    [Fact]
    public void SameFigure_TwoReportsThatDisagree_NameBothReports()
    {
        var set = new TestFigures();
        set.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2022), "900", "亿元", source: "xetdz-2023-ytd");
        set.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2022), "930", "亿元", source: "xetdz-fyp14");

        var finding = Assert.Single(set.Check());
        Assert.Equal((CheckRule.SameFigure, Severity.Contradiction), (finding.Rule, finding.Severity));
        Assert.Contains("《开发区规上工业产值达993.1亿元》（截至2023年8月31日）报告为900亿元", finding.SentenceZh, StringComparison.Ordinal);
        Assert.Equal(2, finding.Figures.Select(f => f.Figure.SourceCode).Distinct().Count());
    }

    [Fact]
    public void SameFigure_WithinRounding_IsSilent_AForecastAgainstAnActualIsANote()
    {
        var close = new TestFigures();
        close.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2022), "930", "亿元", source: "xetdz-2023-ytd");
        close.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2022), "929.6", "亿元", source: "xetdz-fyp14");
        Assert.Empty(close.Check());

        var forecast = new TestFigures();
        forecast.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2025), "1200", "亿元", Qualifier.Forecast, "预计1200亿元", source: "xetdz-fyp14");
        forecast.Add("xetdz", "industrial_output_above_scale", PeriodKind.Year, Year(2025), "1150", "亿元", source: "xetdz-2023-ytd");
        Assert.Equal(Severity.Note, Assert.Single(forecast.Check()).Severity);
    }

    [Fact]
    public void ParksInZone_ParksAboveTheirZone_IsImplausible()
    {
        static IReadOnlyList<Finding> Check(string zone)
        {
            var set = new TestFigures();
            set.Add("xetdz", "infrastructure_projects", PeriodKind.PlanCumulative, Plan14, zone, "个", source: "xetdz-fyp14");
            set.Add("dongchuan", "infrastructure_projects", PeriodKind.PlanCumulative, Plan14, "40", "个", Qualifier.Over, "先后实施基础设施项目40余个");
            set.Add("ganhe", "infrastructure_projects", PeriodKind.PlanCumulative, Plan14, "70", "个", source: "ganhe-2023");
            return set.Check();
        }

        Assert.Empty(Check("120"));
        var finding = Assert.Single(Check("100"));
        Assert.Equal((CheckRule.ParksInZone, Severity.Implausible), (finding.Rule, finding.Severity));
    }

    // ---- relationships ----

    [Fact]
    public void Relationship_AddedToTheCatalog_IsChecked()
    {
        var catalog = WithRelationships(new CheckRelationship(RelationshipKind.Subset, Indicator("patents_invention_new"), Indicator("patents_design_new"),
            null, null, false, RelationshipOrigin.Admin));
        var set = new TestFigures(catalog);
        set.Add("dongchuan", "patents_invention_new", PeriodKind.PlanCumulative, Plan14, "14", "件");
        set.Add("dongchuan", "patents_design_new", PeriodKind.PlanCumulative, Plan14, "114", "件");

        Assert.Equal(CheckRule.Subset, Assert.Single(set.Check()).Rule);
        Assert.Empty(new TestFigures().Check());
    }

    [Fact]
    public void Evaluate_NeverChangesAFigure()
    {
        var set = Investment("157", "91.2", "47.8");
        var before = set.All.ToList();

        _ = set.Check();
        _ = set.Check();

        Assert.Equal(before, set.All);
    }
}
