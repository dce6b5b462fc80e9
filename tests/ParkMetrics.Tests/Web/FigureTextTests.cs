using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.Web;

/// <summary>How figures read on screen: 万/亿 and CNY bn, the source's qualifier word, signs, periods, plain numbers.</summary>
public sealed class FigureTextTests
{
    [Theory]
    [InlineData("zh-CN", "6240000", "万元", MeasureKind.Level, "624亿元")]
    [InlineData("en", "6240000", "万元", MeasureKind.Level, "CNY 62.4 bn")]
    [InlineData("zh-CN", "9931000", "万元", MeasureKind.Level, "993.1亿元")]
    [InlineData("en", "9931000", "万元", MeasureKind.Level, "CNY 99.31 bn")]
    [InlineData("zh-CN", "475", "万元", MeasureKind.Level, "475万元")]
    [InlineData("en", "475", "万元", MeasureKind.Level, "CNY 4.75 mn")]
    [InlineData("zh-CN", "38.2", "万元", MeasureKind.Level, "38.2万元")]
    [InlineData("en", "38.2", "万元", MeasureKind.Level, "CNY 382,000")]
    [InlineData("zh-CN", "677100", "吨", MeasureKind.Level, "67.71万吨")]
    [InlineData("en", "677100", "吨", MeasureKind.Level, "677,100 t")]
    [InlineData("zh-CN", "24000", "吨", MeasureKind.Capacity, "24000吨")]
    [InlineData("zh-CN", "35000", "兆瓦", MeasureKind.Capacity, "35吉瓦")]
    [InlineData("en", "35000", "兆瓦", MeasureKind.Capacity, "35,000 MW")]
    [InlineData("zh-CN", "9600", "家", MeasureKind.Count, "9600家")]
    [InlineData("zh-CN", "47.06", "%", MeasureKind.Share, "47.06%")]
    [InlineData("en", "47.06", "%", MeasureKind.Share, "47.06%")]
    public void Canonical_ValueInIndicatorUnit_ScalesForReading(string culture, string value, string unit, MeasureKind measure, string expected)
    {
        using var _ = TestCulture.Use(culture);

        Assert.Equal(expected, FigureText.Canonical(Dec(value), unit, measure));
    }

    [Theory]
    [InlineData("zh-CN", "12.5", "+12.5%")]
    [InlineData("en", "12.5", "+12.5%")]
    [InlineData("zh-CN", "-3.2", "-3.2%")]
    [InlineData("en", "0", "0%")]
    public void Canonical_GrowthRate_ShowsItsSign(string culture, string value, string expected)
    {
        using var _ = TestCulture.Use(culture);

        Assert.Equal(expected, FigureText.Canonical(Dec(value), "%", MeasureKind.GrowthRate));
    }

    [Theory]
    [InlineData("zh-CN", "15.5", "+15.5个百分点")]
    [InlineData("en", "15.5", "+15.5 pp")]
    [InlineData("zh-CN", "-2.1", "-2.1个百分点")]
    [InlineData("en", "-2.1", "-2.1 pp")]
    public void Canonical_PercentagePoints_AreSignedPoints(string culture, string value, string expected)
    {
        using var _ = TestCulture.Use(culture);

        Assert.Equal(expected, FigureText.Canonical(Dec(value), "个百分点", MeasureKind.ChangePp));
    }

    /// <summary>Real seed rows: the qualifier word is the one printed next to the number in the quote.</summary>
    [Theory]
    // 累计实现规模以上工业总产值近624亿元
    [InlineData("dongchuan", "industrial_output_above_scale", "plan_cumulative", "2021-01-01", "近624亿元", "nearly CNY 62.4 bn")]
    // 累计签约项目116个,总投资超1500亿元
    [InlineData("xetdz", "projects_signed_investment", "plan_cumulative", "2021-01-01", "超1500亿元", "over CNY 150 bn")]
    // 就地转化率达到90%以上。
    [InlineData("beichuan", "molten_aluminium_local_conversion_rate", "point", "2024-02-01", "90%以上", "90% or more")]
    // 办理时限压缩率达70%以上
    [InlineData("dongchuan", "gov_service_time_reduction_rate", "point", "2025-11-30", "70%以上", "70% or more")]
    // 对外出口总额预计可实现36亿元
    [InlineData("xetdz", "exports", "year", "2025-01-01", "预计36亿元", "forecast CNY 3.6 bn")]
    // 入驻总部经济大厦、经发大厦和创业园企业达500余家: 余 is shown as 超
    [InlineData("dongchuan", "enterprises_in_business_buildings", "point", "2025-11-30", "超500家", "over 500")]
    // 单晶硅产能突破100吉瓦
    [InlineData("xetdz", "monocrystalline_silicon_capacity", "point", "2023-08-31", "突破100吉瓦", "over 100 GW")]
    // 累计盘活了企业闲置土地约28万平方米
    [InlineData("dongchuan", "idle_land_revitalized_area", "plan_cumulative", "2021-01-01", "约28万平方米", "about 280,000 m²")]
    // 开发区完成规上工业产值993.1亿元: exact, no word
    [InlineData("xetdz", "industrial_output_above_scale", "ytd_month", "2023-01-01", "993.1亿元", "CNY 99.31 bn")]
    // 总产值645亿元，同比增长9.4%
    [InlineData("ganhe", "industrial_output_above_scale_growth", "year", "2022-01-01", "+9.4%", "+9.4%")]
    // 占开发区比重达到35.8%,比同期提高15.5个百分点
    [InlineData("xetdz", "pv_output_share_of_zone_change", "ytd_month", "2023-01-01", "+15.5个百分点", "+15.5 pp")]
    // 均增长保持在8%以上。
    [InlineData("beichuan", "industrial_output_growth", "annual_average", "2021-01-01", "+8%以上", "+8% or more")]
    // 企业开办时间……压缩至0.5个工作日
    [InlineData("xetdz", "business_startup_time", "point", "2023-08-31", "0.5个工作日", "0.5 working days")]
    public void Reported_SeedFigure_ShowsValueAsPrintedWithItsQualifier(string park, string indicator, string kind, string start, string zh, string en)
    {
        var figure = SeedFigures.Find(park, indicator, kind, start);

        using (TestCulture.Use("zh-CN")) Assert.Equal(zh, FigureText.Reported(figure));
        using (TestCulture.Use("en")) Assert.Equal(en, FigureText.Reported(figure));
    }

    [Fact]
    public void Reported_ZuoyouAfterNumber_PutsTheWordAfterInChinese()
    {
        using var _ = TestCulture.Use("zh-CN");

        Assert.Equal("100亿元左右", FigureText.Reported(AboutHundredYi()));
    }

    [Fact]
    public void Reported_ZuoyouAfterNumber_PutsAboutBeforeInEnglish()
    {
        using var _ = TestCulture.Use("en");

        Assert.Equal("about CNY 10 bn", FigureText.Reported(AboutHundredYi()));
    }

    /// <summary>No seed row prints 左右 yet; the shape is that of 近624亿元.</summary>
    private static Figure AboutHundredYi() => MadeUp.Figure("industrial_output", 1000000, "万元", qualifier: Qualifier.Approx,
        quote: "全年产值100亿元左右", reportedValue: 100, reportedUnit: "亿元");

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Reported_EnteredByHandWithoutQuote_UsesTheScaledValueAndPlainWord(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var figure = MadeUp.Figure("industrial_output", 6240000, "万元", qualifier: Qualifier.Approx);

        Assert.Equal(TestCulture.Pick(culture, "约624亿元", "about CNY 62.4 bn"), FigureText.Reported(figure));
    }

    /// <summary>The class promises that nothing the source printed is rounded away: 141.54亿元 has five significant digits.</summary>
    [Fact]
    public void Reported_EnglishBillions_KeepsEveryPrintedDigit()
    {
        var figure = SeedFigures.Find("dongchuan", "out_of_province_funds_in_place", "plan_cumulative", "2021-01-01"); // 完成省外实际到位资金141.54亿元
        using var _ = TestCulture.Use("en");

        Assert.Equal("CNY 14.154 bn", FigureText.Reported(figure));
    }

    [Theory]
    // 2023年，园区完成固定资产投资20亿元
    [InlineData("beichuan", "fixed_asset_investment", "year", "2023-01-01", "2023年", "2023")]
    // 1月至8月,开发区完成规上工业产值993.1亿元
    [InlineData("xetdz", "industrial_output_above_scale", "ytd_month", "2023-01-01", "2023年1—8月", "Jan–Aug 2023")]
    // 甘河 reports the first half of 2023
    [InlineData("ganhe", "industrial_output_above_scale", "half_year", "2023-01-01", "2023年上半年", "H1 2023")]
    [InlineData("dongchuan", "industrial_output_above_scale", "plan_cumulative", "2021-01-01", "“十四五”期间累计", "14th Five-Year Plan, total")]
    // 年均增长16.5%: a growth rate over the plan is a yearly average, not a total
    [InlineData("xetdz", "industrial_output_above_scale_growth", "annual_average", "2021-01-01", "“十四五”期间年均", "14th Five-Year Plan, average per year")]
    [InlineData("beichuan", "fixed_asset_investment", "plan_to_date", "2021-01-01", "“十四五”以来（截至2024年2月）", "14th Five-Year Plan so far (to Feb 2024)")]
    [InlineData("beichuan", "industrial_output_growth", "annual_average", "2021-01-01", "“十四五”以来年均（截至2024年2月）", "14th Five-Year Plan so far, average per year (to Feb 2024)")]
    [InlineData("dongchuan", "market_entities", "point", "2025-11-30", "截至2025年11月", "as of Nov 2025")]
    [InlineData("beichuan", "industrial_output", "target", "2025-01-01", "2025年目标", "2025 target")]
    public void Period_SeedFigure_ReadsInBothLanguages(string park, string indicator, string kind, string start, string zh, string en)
    {
        var figure = SeedFigures.Find(park, indicator, kind, start);

        using (TestCulture.Use("zh-CN")) Assert.Equal(zh, FigureText.Period(figure));
        using (TestCulture.Use("en")) Assert.Equal(en, FigureText.Period(figure));
    }

    [Theory]
    [InlineData("zh-CN", PeriodKind.HalfYear, "2023-07-01", "2023-12-31", "2023年下半年")]
    [InlineData("en", PeriodKind.HalfYear, "2023-07-01", "2023-12-31", "H2 2023")]
    [InlineData("zh-CN", PeriodKind.Quarter, "2024-04-01", "2024-06-30", "2024年第二季度")]
    [InlineData("en", PeriodKind.Quarter, "2024-10-01", "2024-12-31", "Q4 2024")]
    [InlineData("zh-CN", PeriodKind.Target, "2021-01-01", "2025-12-31", "2021—2025年目标")]
    [InlineData("en", PeriodKind.Target, "2021-01-01", "2025-12-31", "2021–2025 target")]
    [InlineData("zh-CN", PeriodKind.YtdMonth, "2024-01-01", "2024-02-29", "2024年1—2月")]
    [InlineData("en", PeriodKind.YtdMonth, "2024-01-01", "2024-02-29", "Jan–Feb 2024")]
    public void Period_OtherShapes_ReadInBothLanguages(string culture, PeriodKind kind, string start, string end, string expected)
    {
        using var _ = TestCulture.Use(culture);

        var text = FigureText.Period(kind, DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture), "十四五", "14th Five-Year Plan");

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("623.90", null, false, "623.9")]
    [InlineData("1200", null, false, "1200")]
    [InlineData("1200.000", null, false, "1200")]
    [InlineData("624.0000000000", null, false, "624")]
    [InlineData("0.44", null, false, "0.44")]
    [InlineData("-3.2", null, false, "-3.2")]
    [InlineData("0.00001", null, false, "0.00001")]
    [InlineData("0.0000000001", null, false, "0.0000000001")]
    [InlineData("100000000000000000000", null, false, "100000000000000000000")]
    [InlineData("62.444", 2, false, "62.44")]
    [InlineData("0.125", 2, false, "0.13")]
    [InlineData("-0.001", 2, false, "0")]
    [InlineData("12345.6", null, true, "12,345.6")]
    [InlineData("677100", 2, true, "677,100")]
    public void Number_AnyDecimal_HasNoExponentAndNoTrailingZeros(string value, int? maxDecimals, bool grouping, string expected) =>
        Assert.Equal(expected, FigureText.Number(Dec(value), maxDecimals, grouping));

    [Fact]
    public void Number_UnderCultureWithDecimalComma_StillWritesAPoint()
    {
        using var _ = TestCulture.Use("de-DE");

        Assert.Equal("1,234.5", FigureText.Number(1234.5m, grouping: true));
    }

    [Theory]
    [InlineData("zh-CN", "2024年2月1日")]
    [InlineData("en", "1 Feb 2024")]
    public void Date_PublishedOn_ReadsInBothLanguages(string culture, string expected)
    {
        using var _ = TestCulture.Use(culture);

        Assert.Equal(expected, FigureText.Date(new DateOnly(2024, 2, 1)));
    }

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A quote keeps a newspaper column's hard wraps verbatim; a reader sees the words joined, Chinese without a space.</summary>
    [Theory]
    [InlineData("推动黄河上游2台300兆瓦和青海宁\n北2台135兆瓦火电机组", "推动黄河上游2台300兆瓦和青海宁北2台135兆瓦火电机组")]
    [InlineData("完成规上产值 \r\n338 亿元", "完成规上产值338 亿元")]
    [InlineData("Blue\nSky 2", "Blue Sky 2")]
    [InlineData("提升“活”\n\n的质效", "提升“活”的质效")]
    [InlineData("没有换行", "没有换行")]
    public void Unwrapped_QuoteWithHardWraps_JoinsTheLinesAsRead(string quote, string read) => Assert.Equal(read, FigureText.Unwrapped(quote));
}
