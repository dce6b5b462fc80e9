using ParkMetrics.Data.Catalog;

namespace ParkMetrics.Tests.Catalog;

public sealed class NearestCodesTests
{
    private static readonly string[] Indicators =
    [
        "industrial_output", "industrial_output_growth", "industrial_output_above_scale", "industrial_investment",
        "fixed_asset_investment", "retail_sales", "enterprises_above_scale",
    ];

    [Fact]
    public void Find_TypoInAPrefix_NamesTheCodeThenThoseSharingItsPrefix()
    {
        var nearest = NearestCodes.Find("industrial_ouput", Indicators);

        Assert.Equal(["industrial_output", "industrial_output_growth", "industrial_output_above_scale"], nearest);
    }

    [Fact]
    public void Find_DifferentCase_ComparesWithoutCase()
    {
        Assert.Equal("retail_sales", NearestCodes.Find("Retail_Sale", Indicators)[0]);
    }

    [Fact]
    public void Find_ChineseUnit_ComparesCharacters()
    {
        Assert.Equal(["万千瓦时", "千瓦"], NearestCodes.Find("千瓦时", ["吨", "千瓦", "亿元", "万千瓦时"], count: 2));
    }

    [Fact]
    public void Find_FewerCandidatesThanAsked_NamesThemAll()
    {
        Assert.Equal(["beichuan", "dongchuan"], NearestCodes.Find("atlantis", ["dongchuan", "beichuan"]).Order());
    }

    [Fact]
    public void Find_EmptyCode_NamesNothing()
    {
        Assert.Empty(NearestCodes.Find(" ", Indicators));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3, 2)]
    [InlineData("output", "industrial_output_growth", 18, 0)]
    [InlineData("ouput", "industrial_output", 12, 1)]
    [InlineData("", "abc", 3, 0)]
    public void Distance_KnownPairs_CountsEdits(string a, string b, int full, int inside)
    {
        Assert.Equal(full, NearestCodes.Distance(a, b));
        Assert.Equal(inside, NearestCodes.DistanceInside(a, b));
    }
}
