using ParkMetrics.Data.Entities;

namespace ParkMetrics.Tests.Entities;

public sealed class EnumCodeTests
{
    [Theory]
    [InlineData(PeriodKind.Year, "year")]
    [InlineData(PeriodKind.YtdMonth, "ytd_month")]
    [InlineData(PeriodKind.HalfYear, "half_year")]
    [InlineData(PeriodKind.PlanCumulative, "plan_cumulative")]
    [InlineData(PeriodKind.PlanToDate, "plan_to_date")]
    [InlineData(PeriodKind.Point, "point")]
    [InlineData(PeriodKind.Target, "target")]
    public void Of_PeriodKind_IsSnakeCaseCodeAndParsesBack(PeriodKind kind, string code)
    {
        Assert.Equal(code, EnumCode.Of(kind));
        Assert.Equal(kind, EnumCode.Parse<PeriodKind>(code));
    }

    [Theory]
    [InlineData(MeasureKind.GrowthRate, "growth_rate")]
    [InlineData(MeasureKind.ChangePp, "change_pp")]
    [InlineData(Qualifier.Approx, "approx")]
    [InlineData(ParkKind.Zone, "zone")]
    [InlineData(Aggregation.None, "none")]
    public void Of_OtherEnums_IsSnakeCaseCode(object value, string code) =>
        Assert.Equal(code, value switch
        {
            MeasureKind m => EnumCode.Of(m),
            Qualifier q => EnumCode.Of(q),
            ParkKind p => EnumCode.Of(p),
            Aggregation a => EnumCode.Of(a),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        });

    [Fact]
    public void ParseOf_EveryValueOfEveryStoredEnum_RoundTrips()
    {
        AssertRoundTrips<PeriodKind>();
        AssertRoundTrips<Qualifier>();
        AssertRoundTrips<MeasureKind>();
        AssertRoundTrips<Aggregation>();
        AssertRoundTrips<ParkKind>();
    }

    [Fact]
    public void All_PeriodKind_ListsTheNineCodes() =>
        Assert.Equal(
            ["annual_average", "half_year", "plan_cumulative", "plan_to_date", "point", "quarter", "target", "year", "ytd_month"],
            EnumCode.All<PeriodKind>().Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("YtdMonth")]
    [InlineData("YTD_MONTH")]
    [InlineData("ytd-month")]
    [InlineData(" ytd_month")]
    [InlineData("")]
    public void TryParse_NotExactlyACode_Fails(string text) =>
        Assert.False(EnumCode.TryParse<PeriodKind>(text, out _));

    [Fact]
    public void Parse_UnknownCode_ThrowsFormatExceptionNamingTheCodes()
    {
        var e = Assert.Throws<FormatException>(() => EnumCode.Parse<Qualifier>("roughly"));

        Assert.Contains("'roughly'", e.Message, StringComparison.Ordinal);
        Assert.Contains("approx", e.Message, StringComparison.Ordinal);
    }

    private static void AssertRoundTrips<T>() where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var codes = values.Select(EnumCode.Of).ToList();
        Assert.Equal(values.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c));
        Assert.All(values, v => Assert.Equal(v, EnumCode.Parse<T>(EnumCode.Of(v))));
    }
}
