using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Intake;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Intake;

/// <summary>
/// The intake on short reports written the way statistics offices and newspapers write, none of them from the seed:
/// a bulletin, a repost in traditional characters, a report without a year, a page of things that are not figures.
/// </summary>
public sealed class FigureExtractorTests
{
    private static readonly FigureExtractor Extractor = new(CatalogRows.From(SeedSet.Load(RepositoryPaths.Seed)));

    private static IReadOnlyList<Candidate> Extract(string text, string? published = null) =>
        Extractor.Extract(text, published is null ? new ReportDates(null, null) : new ReportDates(DateOnly.Parse(published), DateOnly.Parse(published))).Candidates;

    private static Candidate Single(IReadOnlyList<Candidate> candidates, string valueText, string unit) =>
        Assert.Single(candidates, c => c.ValueText == valueText && c.Unit == unit);

    [Fact]
    public void Extract_Bulletin_ReadsYearGrowthFallAndYearEndStock()
    {
        const string text = "2024年，西宁经济技术开发区实现规模以上工业总产值1086.5亿元，比上年增长12.3%；规模以上工业增加值增长9.8%。"
            + "全年完成固定资产投资156.2亿元，下降3.5%。年末共有规模以上工业企业218家。";

        var candidates = Extract(text, "2025-03-10");

        var output = Single(candidates, "1086.5", "亿元");
        Assert.Equal((PeriodKind.Year, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), (output.PeriodKind, output.PeriodStart, output.PeriodEnd));
        Assert.Equal(("xetdz", "industrial_output_above_scale", MeasureKind.Level, Qualifier.Exact), (output.ParkCode, output.IndicatorCode, output.Measure, output.Qualifier));
        var growth = Single(candidates, "12.3", "%");
        Assert.Equal((MeasureKind.GrowthRate, "industrial_output_above_scale_growth", PeriodKind.Year), (growth.Measure, growth.IndicatorCode, growth.PeriodKind));
        Assert.Equal(MeasureKind.GrowthRate, Single(candidates, "9.8", "%").Measure);
        var fall = Single(candidates, "3.5", "%");
        Assert.Equal((-3.5m, MeasureKind.GrowthRate), (fall.Value, fall.Measure));
        Assert.Contains(CandidateNote.NegativeFromWording, fall.Notes);
        Assert.Equal((PeriodKind.Year, 2024), (Single(candidates, "156.2", "亿元").PeriodKind, Single(candidates, "156.2", "亿元").PeriodStart!.Value.Year));
        var stock = Single(candidates, "218", "家");
        Assert.Equal((PeriodKind.Point, new DateOnly(2024, 12, 31), MeasureKind.Count), (stock.PeriodKind, stock.PeriodEnd, stock.Measure));
        Assert.Equal(("fixed_asset_investment_growth", 6), (fall.IndicatorCode, candidates.Count));
    }

    [Fact]
    public void Extract_TraditionalRepost_MatchesInSimplifiedButQuotesTheTextAsPrinted()
    {
        const string text = "東川工業園區今年1—9月實現規上工業產值約356億元，同比增長15.2%，其中新材料產業產值佔比達到42%。園區現有規上工業企業35戶。";

        var candidates = Extract(text, "2024-10-20");

        var output = Single(candidates, "356", "亿元");
        Assert.Equal(("dongchuan", Qualifier.Approx, PeriodKind.YtdMonth, new DateOnly(2024, 9, 30)), (output.ParkCode, output.Qualifier, output.PeriodKind, output.PeriodEnd));
        Assert.Equal("industrial_output_above_scale", output.IndicatorCode);
        Assert.Equal("東川工業園區今年1—9月實現規上工業產值約356億元", output.Quote);
        Assert.Contains(output.Quote, text, StringComparison.Ordinal);
        Assert.Equal((MeasureKind.GrowthRate, PeriodKind.YtdMonth), (Single(candidates, "15.2", "%").Measure, Single(candidates, "15.2", "%").PeriodKind));
        Assert.Equal(MeasureKind.Share, Single(candidates, "42", "%").Measure);
        var enterprises = Single(candidates, "35", "户");
        Assert.Equal((PeriodKind.Point, new DateOnly(2024, 10, 20), "dongchuan"), (enterprises.PeriodKind, enterprises.PeriodEnd, enterprises.ParkCode));
    }

    [Fact]
    public void Extract_ReportWithoutAnyDate_SaysSoInsteadOfGuessing()
    {
        const string text = "一季度，甘河工业园区完成工业投资12.6亿元。";

        var undated = Single(Extract(text), "12.6", "亿元");
        var dated = Single(Extract(text, "2024-04-15"), "12.6", "亿元");

        Assert.Null(undated.PeriodKind);
        Assert.Contains(CandidateNote.ReportDateUnknown, undated.Notes);
        Assert.True(undated.NeedsDecision);
        Assert.Equal((PeriodKind.YtdMonth, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)), (dated.PeriodKind, dated.PeriodStart, dated.PeriodEnd));
        Assert.Contains(CandidateNote.YearFromReportDate, dated.Notes);
        Assert.Equal("ganhe", dated.ParkCode);
    }

    [Fact]
    public void Extract_DatesPhonesSlogansNamesAndDistances_AreNotFigures()
    {
        const string text = "咨询电话：0971-8123456。园区打造“1+N”产业体系，构建“两个千亿元”产业集群，建成3号厂房，距市区约30公里。"
            + "第5届博览会于10月12日举行，2023年度评选结果揭晓，5G基站实现全覆盖，建设“10个一”工程。";

        Assert.Empty(Extract(text, "2024-05-01"));
    }

    [Fact]
    public void Extract_RespectivelyAfterAListOfParks_PairsEachNumberWithItsPark()
    {
        const string text = "2023年，东川、甘河、南川工业园区分别完成规上工业产值300亿元、420亿元、95亿元。";

        var candidates = Extract(text, "2024-01-20");

        Assert.Equal(["dongchuan", "ganhe", "nanchuan"], candidates.OrderBy(c => c.NumberStart).Select(c => c.ParkCode));
        Assert.All(candidates, c => Assert.Equal((PeriodKind.Year, 2023), (c.PeriodKind, c.PeriodStart!.Value.Year)));
    }

    [Fact]
    public void Extract_TargetAndForecast_AreMarkedAndNeverActuals()
    {
        const string text = "力争到2027年，北川工业园区工业总产值突破1500亿元。预计全年实现进出口总额超过80亿元。";

        var candidates = Extract(text, "2025-06-01");

        var target = Single(candidates, "1500", "亿元");
        Assert.Equal((PeriodKind.Target, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Qualifier.Over), (target.PeriodKind, target.PeriodStart, target.PeriodEnd, target.Qualifier));
        var forecast = Single(candidates, "80", "亿元");
        Assert.Equal((Qualifier.Forecast, PeriodKind.Year, 2025), (forecast.Qualifier, forecast.PeriodKind, forecast.PeriodStart!.Value.Year));
        Assert.Contains(CandidateNote.QualifierAlsoPrinted, forecast.Notes);
    }

    [Fact]
    public void Extract_UpperBoundAndAverageOverAPlan_KeepTheirWords()
    {
        const string text = "“十四五”以来，南川工业园区规上工业增加值年均增长11.5%，单位工业增加值能耗下降不足3%，闲置厂房不到5万平方米。";

        var candidates = Extract(text, "2024-06-30");

        var average = Single(candidates, "11.5", "%");
        Assert.Equal((PeriodKind.AnnualAverage, new DateOnly(2021, 1, 1), new DateOnly(2024, 6, 30)), (average.PeriodKind, average.PeriodStart, average.PeriodEnd));
        Assert.Equal(Qualifier.Under, Single(candidates, "3", "%").Qualifier);
        Assert.Equal(Qualifier.Under, Single(candidates, "5", "万平方米").Qualifier);
    }

    [Fact]
    public void Extract_UnknownIndicatorAndUnit_AreProposedNotForced()
    {
        const string text = "2024年末，生物科技产业园区资产总计856.3亿元，建成标准化厂房12栋。";

        var candidates = Extract(text, "2025-02-01");

        var assets = Single(candidates, "856.3", "亿元");
        Assert.Null(assets.IndicatorCode);
        Assert.Equal("资产总计", assets.IndicatorName);
        Assert.Contains(CandidateNote.NewIndicator, assets.Notes);
        Assert.Equal("biotech", assets.ParkCode);
        Assert.DoesNotContain(candidates, c => c.ValueText == "12"); // 栋 is no unit of the catalog: nothing is forced onto 个
    }

    [Fact]
    public void Extract_FiguresTheCatalogLacks_ProposeNamesFromTheirWords()
    {
        const string text = "1-11月，开发区规模以上工业企业资产总计1,234.5亿元，实现主营业务收入856.7亿元。"
            + "其中新能源产业投资45.6亿元，占工业投资的38.2%，比上年提高2.3个百分点；储能电池产能5吉瓦时，重点项目开复工率达95%。";

        var candidates = Extract(text, "2024-12-20");

        Assert.Equal(
            ["规模以上工业企业资产总计", "主营业务收入", "新能源产业投资", "新能源产业投资占工业投资比重", "新能源产业投资占工业投资比重变动", "储能电池产能", "重点项目开复工率"],
            candidates.Select(c => c.IndicatorName));
        Assert.All(candidates, c => Assert.Contains(CandidateNote.NewIndicator, c.Notes));
        Assert.Equal(("1234.5", MeasureKind.Level), (candidates[0].ValueText, candidates[0].Measure));
        Assert.Equal(
            [MeasureKind.Level, MeasureKind.Level, MeasureKind.Level, MeasureKind.Share, MeasureKind.ChangePp, MeasureKind.Capacity, MeasureKind.Rate],
            candidates.Select(c => c.Measure));
        Assert.Equal("吉瓦时", candidates[5].Unit);
    }

    [Fact]
    public void Extract_OtherItemsOnThePage_AreSkippedAndSaidSo()
    {
        const string text = "本报讯（记者 王某）全市共有公园42个，新增绿地面积120万平方米。\n\n开发区经济稳中有进\n本报讯（记者 李某）今年前三季度，开发区完成规上工业产值820亿元。";

        var extraction = Extractor.Extract(text, new ReportDates(new DateOnly(2024, 10, 25), new DateOnly(2024, 10, 25)));

        var figure = Assert.Single(extraction.Candidates);
        Assert.Equal(("820", PeriodKind.YtdMonth, new DateOnly(2024, 9, 30)), (figure.ValueText, figure.PeriodKind, figure.PeriodEnd));
        Assert.NotEmpty(extraction.Skipped);
    }

    [Fact]
    public void Extract_QuoteIsTheWholeClauseVerbatimWithItsWraps()
    {
        const string text = "上半年，甘河工业园区完成规上产值\n338 亿元，同比增长4%。";

        var figure = Single(Extract(text, "2023-07-31"), "338", "亿元");

        Assert.Equal("甘河工业园区完成规上产值\n338 亿元", figure.Quote);
        Assert.Equal(text.IndexOf("甘河", StringComparison.Ordinal), figure.QuoteStart);
        Assert.Equal((PeriodKind.HalfYear, new DateOnly(2023, 6, 30)), (figure.PeriodKind, figure.PeriodEnd));
    }

    [Theory]
    [InlineData("三季度，园区完成规上工业产值86.5亿元，同比增长6%。", "86.5", "2024-07-01", "2024-09-30")]
    [InlineData("2023年第二季度，园区完成规上工业产值80亿元。", "80", "2023-04-01", "2023-06-30")]
    [InlineData("四季度园区完成固定资产投资12.3亿元。", "12.3", "2024-10-01", "2024-12-31")]
    public void Extract_OneQuarter_IsThatQuarterNotTheYearToDate(string text, string value, string start, string end)
    {
        var figure = Single(Extract(text, "2024-11-20"), value, "亿元");

        Assert.Equal((PeriodKind.Quarter, DateOnly.Parse(start, null), DateOnly.Parse(end, null)), (figure.PeriodKind, figure.PeriodStart, figure.PeriodEnd));
    }

    [Fact]
    public void Extract_FirstQuarter_IsJanuaryToMarch()
    {
        var figure = Single(Extract("一季度，园区完成规上工业产值80亿元。", "2024-04-20"), "80", "亿元");

        Assert.Equal((PeriodKind.YtdMonth, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)), (figure.PeriodKind, figure.PeriodStart, figure.PeriodEnd));
    }

    [Fact]
    public void Extract_FifteenThousandCharacters_StaysLinear()
    {
        var text = string.Concat(Enumerable.Repeat("园区完成规上工业产值100亿元，同比增长5%；", 700));

        var candidates = Extract(text, "2024-05-01");

        Assert.True(text.Length > 15_000);
        Assert.NotEmpty(candidates);
    }
}
