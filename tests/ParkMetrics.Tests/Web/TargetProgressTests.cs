using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Plans;

namespace ParkMetrics.Tests.Web;

/// <summary>What a target needs, computed from the latest actual value of the same indicator for the same park.</summary>
public sealed class TargetProgressTests
{
    /// <summary>将锚定“十四五”末形成年工业产值 500 亿元 (大通北川).</summary>
    private static readonly Figure OutputTarget = SeedFigures.Find("beichuan", "industrial_output", "target", "2025-01-01");

    /// <summary>2022年，园区实现工业产值321亿元.</summary>
    private static readonly Figure Output2022 = SeedFigures.Find("beichuan", "industrial_output", "year", "2022-01-01");

    /// <summary>“十四五”以来……均增长保持在8%以上: a lower bound.</summary>
    private static readonly Figure GrowthAtLeast8 = SeedFigures.Find("beichuan", "industrial_output_growth", "annual_average", "2021-01-01");

    private static IReadOnlyCollection<string> GrowthOf(string level) => level == "industrial_output" ? ["industrial_output_growth"] : [];

    [Fact]
    public void Assess_LevelTarget_RequiresCompoundGrowthFromTheLatestYear()
    {
        var progress = TargetProgress.Assess(OutputTarget, SeedFigures.OfPark("beichuan"), GrowthOf);

        Assert.Same(Output2022, progress.Latest);
        Assert.Equal(15.9m, progress.RequiredAnnualGrowth); // (500 / 321)^(1/3) − 1 over 2022 → 2025
        Assert.Null(progress.GapPoints);
    }

    [Fact]
    public void Assess_LowerBoundGrowthBelowRequired_IsUnclear()
    {
        var progress = TargetProgress.Assess(OutputTarget, SeedFigures.OfPark("beichuan"), GrowthOf);

        Assert.Same(GrowthAtLeast8, progress.ReportedGrowth);
        Assert.Equal(TargetStatus.Unclear, progress.Status); // 8%以上 may or may not reach 15.9%
    }

    [Fact]
    public void Assess_ExactGrowthBelowRequired_IsBehind()
    {
        var growth = GrowthAtLeast8 with { Qualifier = Qualifier.Exact };

        var progress = TargetProgress.Assess(OutputTarget, [Output2022, growth], GrowthOf);

        Assert.Equal(TargetStatus.Behind, progress.Status);
    }

    [Fact]
    public void Assess_GrowthAtOrAboveRequired_IsOnTrack()
    {
        var growth = GrowthAtLeast8 with { Value = 15.9m, ReportedValue = 15.9m, Qualifier = Qualifier.Exact };

        var progress = TargetProgress.Assess(OutputTarget, [Output2022, growth], GrowthOf);

        Assert.Equal(TargetStatus.OnTrack, progress.Status);
    }

    [Fact]
    public void Assess_NoReportedGrowth_IsUnclear()
    {
        var progress = TargetProgress.Assess(OutputTarget, [Output2022], GrowthOf);

        Assert.Equal(15.9m, progress.RequiredAnnualGrowth);
        Assert.Null(progress.ReportedGrowth);
        Assert.Equal(TargetStatus.Unclear, progress.Status);
    }

    [Fact]
    public void Assess_LatestYearAtOrAboveLevelTarget_IsReached()
    {
        var output2024 = Output2022 with { Start = new(2024, 1, 1), End = new(2024, 12, 31), Value = 5_000_000 };

        var progress = TargetProgress.Assess(OutputTarget, [Output2022, output2024], GrowthOf);

        Assert.Same(output2024, progress.Latest);
        Assert.Null(progress.RequiredAnnualGrowth);
        Assert.Equal(TargetStatus.Reached, progress.Status);
    }

    [Fact]
    public void Assess_LevelTargetWithOnlyPlanTotalsPartsOfYearsAndForecasts_HasNoLatestValue()
    {
        var planToDate = Output2022 with { PeriodKind = PeriodKind.PlanToDate, Start = new(2021, 1, 1), End = new(2024, 2, 1), Value = 9_000_000 };
        var firstHalf = Output2022 with { PeriodKind = PeriodKind.HalfYear, Start = new(2024, 1, 1), End = new(2024, 6, 30), Value = 2_000_000 };
        var forecast = Output2022 with { Start = new(2024, 1, 1), End = new(2024, 12, 31), Qualifier = Qualifier.Forecast };

        var progress = TargetProgress.Assess(OutputTarget, [planToDate, firstHalf, forecast], GrowthOf);

        Assert.Null(progress.Latest);
        Assert.Equal(TargetStatus.NoLatestValue, progress.Status);
    }

    [Fact]
    public void Assess_PercentTarget_GivesTheGapInPoints()
    {
        // 电解铝液就近转化率达到 95% (target) against 就地转化率达到90%以上 (Feb 2024)
        var target = SeedFigures.Find("beichuan", "molten_aluminium_local_conversion_rate", "target", "2025-01-01");
        var latest = SeedFigures.Find("beichuan", "molten_aluminium_local_conversion_rate", "point", "2024-02-01");

        var progress = TargetProgress.Assess(target, SeedFigures.OfPark("beichuan"), GrowthOf);

        Assert.Same(latest, progress.Latest);
        Assert.Equal(5m, progress.GapPoints);
        Assert.Null(progress.RequiredAnnualGrowth);
        Assert.Equal(TargetStatus.Unclear, progress.Status); // 90%以上 may already be 95%
    }

    [Fact]
    public void Assess_PercentTargetAboveExactLatest_IsBehind()
    {
        var target = SeedFigures.Find("beichuan", "molten_aluminium_local_conversion_rate", "target", "2025-01-01");
        var latest = SeedFigures.Find("beichuan", "molten_aluminium_local_conversion_rate", "point", "2024-02-01") with { Qualifier = Qualifier.Exact };

        var progress = TargetProgress.Assess(target, [latest], GrowthOf);

        Assert.Equal(5m, progress.GapPoints);
        Assert.Equal(TargetStatus.Behind, progress.Status);
    }

    [Fact]
    public void Assess_PercentTargetMet_IsReachedWithANonPositiveGap()
    {
        var target = SeedFigures.Find("beichuan", "molten_aluminium_local_conversion_rate", "target", "2025-01-01");
        var latest = SeedFigures.Find("beichuan", "molten_aluminium_local_conversion_rate", "point", "2024-02-01") with { Value = 96m };

        var progress = TargetProgress.Assess(target, [latest], GrowthOf);

        Assert.Equal(-1m, progress.GapPoints);
        Assert.Equal(TargetStatus.Reached, progress.Status);
    }

    [Fact]
    public void Assess_TargetWithoutAnyActualValue_HasNoLatestValue()
    {
        // 绿色电解铝占比……到 90%以上: the article reports no current share
        var target = SeedFigures.Find("beichuan", "green_electrolytic_aluminium_share", "target", "2025-01-01");

        var progress = TargetProgress.Assess(target, SeedFigures.OfPark("beichuan"), GrowthOf);

        Assert.Null(progress.Latest);
        Assert.Equal(TargetStatus.NoLatestValue, progress.Status);
    }
}
