using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Tests.Checks;

public sealed class ToleranceTests
{
    private static Bounds Read(double value, string printed, Qualifier qualifier = Qualifier.Exact, string? quote = null, double factor = 1,
        bool count = false, bool negative = false) =>
        Tolerance.Of(value * factor, Tolerance.DecimalsOf(printed), factor, qualifier, Tolerance.MarkerOf(qualifier, quote, printed), count, negative);

    [Fact]
    public void Of_ExactFigure_IsHalfAUnitOfItsLastPrintedDigitEitherWay()
    {
        var share = Read(18.5, "18.5");
        var money = Read(157, "157", factor: 10_000); // 157亿元 in 万元

        Assert.Equal(18.45, share.Low, 9);
        Assert.Equal(18.55, share.High, 9);
        Assert.Equal(1_565_000, money.Low, 6);
        Assert.Equal(1_575_000, money.High, 6);
    }

    [Fact]
    public void Of_TrailingZeroPrinted_NarrowsTheRounding()
    {
        var bounds = Read(18.5, "18.50");

        Assert.Equal(18.495, bounds.Low, 9);
        Assert.Equal(18.505, bounds.High, 9);
    }

    [Fact]
    public void Of_WholeCountPrintedExactly_IsExact()
    {
        Assert.Equal(Bounds.Exactly(27), Read(27, "27", count: true));
        Assert.NotEqual(Bounds.Exactly(2.4), Read(2.4, "2.4", count: true));
    }

    [Fact]
    public void Of_Nearly_WidensOnlyDownwards()
    {
        var bounds = Read(624, "624", Qualifier.Approx, "累计实现规模以上工业总产值近624亿元");

        Assert.Equal(624 * 0.95 - 0.5, bounds.Low, 9);
        Assert.Equal(624.5, bounds.High, 9);
    }

    [Fact]
    public void Of_About_WidensBothWays()
    {
        var bounds = Read(28, "28", Qualifier.Approx, "累计盘活了企业闲置土地约28万平方米");

        Assert.Equal(28 * 0.95 - 0.5, bounds.Low, 9);
        Assert.Equal(28 * 1.05 + 0.5, bounds.High, 9);
    }

    [Fact]
    public void Of_OverWithYu_ReachesTheNextStepOfTheLastDigit()
    {
        Assert.Equal(600, Read(500, "500", Qualifier.Over, "入驻……企业达500余家").High, 9);
        Assert.Equal(7_000, Read(6_000, "6000", Qualifier.Over, "新增就业人数6000余人").High, 9);
        Assert.Equal(38.3, Read(38.2, "38.2", Qualifier.Over, "助力企业降本减负38.2万余元").High, 9);
        Assert.Equal(499.5, Read(500, "500", Qualifier.Over, "企业达500余家").Low, 9);
    }

    [Fact]
    public void Of_OverWithChaoOrYishang_HasNoUpperEnd()
    {
        Assert.True(double.IsPositiveInfinity(Read(1500, "1500", Qualifier.Over, "总投资超1500亿元").High));
        Assert.True(double.IsPositiveInfinity(Read(8, "8", Qualifier.Over, "年均增长保持在8%以上").High));
        Assert.Equal(7.5, Read(8, "8", Qualifier.Over, "年均增长保持在8%以上").Low, 9);
    }

    [Fact]
    public void Of_Under_GoesOnlyDownwards_ToZeroOrBelowForRates()
    {
        var level = Read(100, "100", Qualifier.Under, "不足100家");
        var rate = Read(3, "3", Qualifier.Under, "增长不足3%", negative: true);

        Assert.Equal(new Bounds(0, 100.5), level);
        Assert.True(double.IsNegativeInfinity(rate.Low));
        Assert.Equal(3.5, rate.High, 9);
    }

    [Fact]
    public void Of_Forecast_KeepsItsRounding()
    {
        Assert.Equal(Read(1200, "1200"), Read(1200, "1200", Qualifier.Forecast, "预计增加至2025年的1200亿元"));
    }

    [Theory]
    [InlineData("累计实现规模以上工业总产值近624亿元", "624", Qualifier.Approx, Marker.Nearly)]
    [InlineData("总投资约2086亿元", "2086", Qualifier.Approx, Marker.About)]
    [InlineData("市场经营主体累计达9600余家", "9600", Qualifier.Over, Marker.Odd)]
    [InlineData("助力企业降本减负38.2万余元", "38.2", Qualifier.Over, Marker.Odd)]
    [InlineData("单晶硅产能突破100吉瓦", "100", Qualifier.Over, Marker.AtLeast)]
    [InlineData("办理时限压缩率达70%以上", "70", Qualifier.Over, Marker.AtLeast)]
    [InlineData("不足１００家", "100", Qualifier.Under, Marker.AtMost)]
    [InlineData("固定资产投资累计完成157亿元", "157", Qualifier.Exact, Marker.None)]
    public void MarkerOf_WordAroundTheNumber_SaysWhichWayItLeans(string quote, string printed, Qualifier qualifier, Marker expected)
    {
        Assert.Equal(expected, Tolerance.MarkerOf(qualifier, quote, printed));
    }

    [Fact]
    public void MarkerOf_NumberInsideALongerOne_IsNotTaken()
    {
        // 近 stands before 1624, not before 624: the lean of 624 is read where 624 stands alone.
        Assert.Equal(Marker.About, Tolerance.MarkerOf(Qualifier.Approx, "近1624亿元，其中约624亿元", "624"));
    }

    [Fact]
    public void Bounds_EdgeOfRounding_StillMeets()
    {
        // 27 of 40 is 67.5%, which printed as 67.5% reads 67.45–67.55%; doubles must not part them.
        Assert.True(Bounds.Exactly(27.0 / 40 * 100).Meets(new Bounds(67.45, 67.55)));
        Assert.True(new Bounds(18.45, 18.55).Meets(Bounds.Exactly(18.55)));
        Assert.False(new Bounds(18.45, 18.55).Meets(Bounds.Exactly(18.551)));
    }
}
