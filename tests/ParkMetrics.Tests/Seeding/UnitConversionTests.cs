using System.Globalization;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Seeding;

/// <summary>Conversions with the factors of the real <c>units.csv</c>: decimal arithmetic must give the printed figure exactly.</summary>
public sealed class UnitConversionTests
{
    private static readonly Dictionary<string, decimal> Factors = Csv.ReadFile(Path.Combine(RepositoryPaths.Seed, "units.csv")).Records
        .ToDictionary(u => u["code"], u => decimal.Parse(u["factor"], CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("624", "亿元", "万元", "6240000")]
    [InlineData("993.1", "亿元", "万元", "9931000")]
    [InlineData("0.07", "亿元", "万元", "700")]
    [InlineData("0.00001", "亿元", "万元", "0.1")]
    [InlineData("12345", "元", "万元", "1.2345")]
    [InlineData("1", "元", "万元", "0.0001")]
    [InlineData("0.3", "元", "万元", "0.00003")]
    [InlineData("67.71", "万吨", "吨", "677100")]
    [InlineData("2.4", "万吨", "吨", "24000")]
    [InlineData("35", "吉瓦", "兆瓦", "35000")]
    [InlineData("0.1", "吉瓦", "兆瓦", "100")]
    [InlineData("100", "GW", "兆瓦", "100000")]
    [InlineData("1300", "公斤", "吨", "1.3")]
    [InlineData("6240000", "万元", "亿元", "624")]
    public void Convert_PrintedValue_IsExactInTheTargetUnit(string value, string from, string to, string expected)
    {
        var converted = UnitConversion.Convert(Dec(value), Factors[from], Factors[to]);

        Assert.Equal(Dec(expected), converted);
    }

    [Theory]
    [InlineData("624")]
    [InlineData("624.0")]
    [InlineData("624.00")]
    [InlineData("624.0000000000")]
    public void Convert_SameValueInAnotherScale_GivesTheSameValue(string value) =>
        Assert.Equal(6240000m, UnitConversion.Convert(Dec(value), Factors["亿元"], Factors["万元"]));

    [Theory]
    [InlineData("12.3")]
    [InlineData("98.30")]
    [InlineData("0.05")]
    [InlineData("-3.4")]
    public void Convert_Percent_ReturnsTheValueUnchanged(string value)
    {
        var converted = UnitConversion.Convert(Dec(value), Factors["%"], Factors["%"]);

        Assert.Equal(Dec(value), converted);
        Assert.Equal(Dec(value).Scale, converted.Scale);
    }

    [Theory]
    [InlineData("993.1", "亿元", "万元")]
    [InlineData("0.22", "亿元", "万元")]
    [InlineData("12345.67", "元", "万元")]
    [InlineData("67.71", "万吨", "吨")]
    [InlineData("1300", "公斤", "吨")]
    public void Convert_ThereAndBack_GivesTheValueBack(string value, string from, string to)
    {
        var there = UnitConversion.Convert(Dec(value), Factors[from], Factors[to]);

        Assert.Equal(Dec(value), UnitConversion.Convert(there, Factors[to], Factors[from]));
    }

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
}
