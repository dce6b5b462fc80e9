using System.Text;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Checks;

/// <summary><c>data/seed/relationships.csv</c> is checked against the catalog like every seed file: a bad row names its line and field.</summary>
public sealed class RelationshipsFileTests
{
    private static SeedError LoadWith(string line)
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        var path = seed.FileOf(SeedSet.RelationshipsFile);
        var lineNumber = File.ReadAllLines(path).Length + 1;
        File.AppendAllText(path, line + "\n", new UTF8Encoding(false));
        using var ui = new UICulture("en-US");
        var e = Assert.Throws<SeedValidationException>(() => SeedSet.Load(seed.Path));
        var error = Assert.Single(e.Errors);
        Assert.Equal((SeedSet.RelationshipsFile, lineNumber), (error.File, error.Line));
        return error;
    }

    [Fact]
    public void Load_RealSeed_ReadsTheDeclaredRelationships()
    {
        var seed = SeedSet.Load(RepositoryPaths.Seed);

        Assert.Contains(seed.Relationships, r => r is { Kind: RelationshipKind.Component, Indicator: "fixed_asset_investment", Part: "non_industrial_investment" });
        Assert.Contains(seed.Relationships, r => r is { Kind: RelationshipKind.Share, Indicator: "industrial_output_share_of_city", Base: "industrial_output", BasePark: "xining" });
        Assert.Contains(seed.Relationships, r => r is { Kind: RelationshipKind.PlanTotal, Indicator: "fixed_asset_investment", Part: null });
    }

    [Theory]
    [InlineData("component,fixed_asset_investment,nonexistent_indicator,,,", "part", "unknown indicator 'nonexistent_indicator'")]
    [InlineData("component,fixed_asset_investment,,,,", "part", "is required")]
    [InlineData("component,fixed_asset_investment,industrial_enterprises,,,", "part", "does not convert to fixed_asset_investment's unit")]
    [InlineData("share,industrial_output,industrial_output,industrial_output,xining,", "indicator", "is not indicator industrial_output's measure")]
    [InlineData("share,industrial_output_share_of_city,industrial_output,industrial_output,nowhere,", "base_park", "unknown park 'nowhere'")]
    [InlineData("plan_total,fixed_asset_investment,industrial_investment,,,", "part", "must be empty for a plan_total relationship")]
    [InlineData("growth,fixed_asset_investment,fixed_asset_investment,,,", "indicator", "is not indicator fixed_asset_investment's measure")]
    [InlineData("sum,fixed_asset_investment,industrial_investment,,,", "kind", "'sum' is not one of")]
    [InlineData("component,fixed_asset_investment,industrial_investment,,,again", "indicator", "duplicates line 2")]
    public void Load_BadRelationship_NamesItsLineAndField(string line, string field, string reason)
    {
        var error = LoadWith(line);

        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithoutTheFile_DeclaresNone()
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        File.Delete(seed.FileOf(SeedSet.RelationshipsFile));

        Assert.Empty(SeedSet.Load(seed.Path).Relationships);
    }
}
