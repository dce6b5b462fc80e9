using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Plans;

public enum TargetStatus { Reached, OnTrack, Behind, Unclear, NoLatestValue }

/// <summary>
/// A target beside the latest reported value of the same indicator for the same park, and what it would take to meet
/// it. Everything here except the figures themselves is computed and shown as such.
/// </summary>
/// <param name="RequiredAnnualGrowth">For a level: the compound annual growth rate, in %, from the latest yearly value to the target.</param>
/// <param name="GapPoints">For a rate or share: target minus latest, in percentage points.</param>
/// <param name="ReportedGrowth">The park's most recent reported growth rate of the indicator, which the required rate is compared with.</param>
public sealed record TargetProgress(Figure Target, Figure? Latest, decimal? RequiredAnnualGrowth, decimal? GapPoints, Figure? ReportedGrowth, TargetStatus Status)
{
    /// <param name="parkFigures">All figures of the target's park.</param>
    /// <param name="growthIndicatorOf">The growth-rate indicator codes whose base is the given level indicator.</param>
    public static TargetProgress Assess(Figure target, IReadOnlyList<Figure> parkFigures, Func<string, IReadOnlyCollection<string>> growthIndicatorOf)
    {
        var latest = parkFigures
            .Where(f => f.IndicatorCode == target.IndicatorCode && f.Enterprise == target.Enterprise && f.PeriodKind != PeriodKind.Target
                && f.Qualifier != Qualifier.Forecast && f.End <= target.End && IsComparable(f, target))
            .OrderByDescending(f => f.End).FirstOrDefault();
        if (latest is null) return new(target, null, null, null, null, TargetStatus.NoLatestValue);

        if (target.Unit == "%")
        {
            var gap = target.Value - latest.Value;
            var status = gap <= 0 ? TargetStatus.Reached : latest.Qualifier == Qualifier.Over ? TargetStatus.Unclear : TargetStatus.Behind;
            return new(target, latest, null, gap, null, status);
        }
        if (latest.Value >= target.Value) return new(target, latest, null, null, null, TargetStatus.Reached);

        var years = target.End.Year - latest.End.Year;
        decimal? required = years > 0 && latest.Value > 0
            ? Math.Round((decimal)(Math.Pow((double)(target.Value / latest.Value), 1.0 / years) - 1) * 100, 1)
            : null;
        var growthCodes = growthIndicatorOf(target.IndicatorCode);
        var growth = parkFigures.Where(f => growthCodes.Contains(f.IndicatorCode) && f.Qualifier != Qualifier.Forecast && f.End <= target.End)
            .OrderByDescending(f => f.End).FirstOrDefault();
        var verdict = (required, growth) switch
        {
            (null, _) or (_, null) => TargetStatus.Unclear,
            var (r, g) when g.Value >= r => TargetStatus.OnTrack,
            // A lower bound (8%以上) below the required rate does not show the park is behind.
            (_, { Qualifier: Qualifier.Over }) => TargetStatus.Unclear,
            _ => TargetStatus.Behind,
        };
        return new(target, latest, required, null, growth, verdict);
    }

    /// <summary>A yearly target compares with yearly values or states; never with a plan total or a part of a year.</summary>
    private static bool IsComparable(Figure f, Figure target) => target.Unit == "%"
        ? f.PeriodKind is PeriodKind.Year or PeriodKind.Point or PeriodKind.PlanToDate
        : f.PeriodKind == PeriodKind.Year;
}
