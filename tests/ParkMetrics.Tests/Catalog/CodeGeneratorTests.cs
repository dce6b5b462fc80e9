using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Tests.Catalog;

public sealed class CodeGeneratorTests
{
    private static bool Free(string _) => false;

    [Theory]
    [InlineData("Gross industrial output (above designated size)", 80, "gross_industrial_output_above_designated_size")]
    [InlineData("Xining Economic-Technological Development Zone", 32, "xining_economic_technological")]
    [InlineData("Xi'an High-tech Zone", 32, "xian_high_tech_zone")]
    [InlineData("Qīnghǎi Lake Park", 32, "qinghai_lake_park")]
    [InlineData("Supercalifragilisticexpialidocious", 10, "supercalif")]
    [InlineData("东川", 32, "park")]
    public void FromName_EnglishName_IsLowerSnakeCaseCutAtAWord(string name, int max, string expected)
    {
        Assert.Equal(expected, CodeGenerator.FromName(name, max, Free, "park"));
    }

    [Fact]
    public void FromName_CodeTaken_AddsTheFirstFreeNumber()
    {
        var taken = new HashSet<string> { "main_revenue", "main_revenue_2" };

        Assert.Equal("main_revenue_3", CodeGenerator.FromName("Main revenue", 80, taken.Contains, "indicator"));
    }

    [Fact]
    public void Unique_StemAtTheLengthLimit_ShortensItForTheSuffix()
    {
        Assert.Equal("abcdefg_2", CodeGenerator.Unique("abcdefghi", 9, '_', c => c == "abcdefghi"));
    }

    [Fact]
    public void ForSource_KindAndDate_NamesBothAndStaysUnique()
    {
        var taken = new HashSet<string> { "news-2024-02-01" };

        Assert.Equal("news-2024-02-01-2", CodeGenerator.ForSource(SourceKind.NewsArticle, new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 31), 64, taken.Contains));
        Assert.Equal("work-report-2023-12-31", CodeGenerator.ForSource(SourceKind.GovernmentWorkReport, null, new DateOnly(2023, 12, 31), 64, Free));
    }
}
