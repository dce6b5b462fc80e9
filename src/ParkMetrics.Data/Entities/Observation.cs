namespace ParkMetrics.Data.Entities;

/// <summary>
/// What span a figure covers. <see cref="AnnualAverage"/> is a per-year average over several years (年均, most often over a
/// five-year plan) and never a total; <see cref="PlanCumulative"/> and <see cref="PlanToDate"/> are totals.
/// </summary>
public enum PeriodKind { Year, YtdMonth, HalfYear, Quarter, PlanCumulative, PlanToDate, AnnualAverage, Point, Target }

/// <summary>How the source qualifies a figure: 约/近/左右 approx, 超/余/多/以上/突破 over, 不足/不到/以下 under, 预计 forecast.</summary>
public enum Qualifier { Exact, Approx, Over, Under, Forecast }

/// <summary>One figure as a source reports it, for a park or an enterprise in it.</summary>
public class Observation
{
    public long Id { get; set; }
    public int ParkId { get; set; }
    public Park Park { get; set; } = null!;
    public int? EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public PeriodKind PeriodKind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>The five-year plan the period falls in, where it falls in one.</summary>
    public int? PlanPeriodId { get; set; }
    public PlanPeriod? PlanPeriod { get; set; }
    /// <summary>The value in the indicator's unit.</summary>
    public decimal Value { get; set; }
    public decimal ReportedValue { get; set; }
    public required string ReportedUnit { get; set; }
    public Qualifier Qualifier { get; set; }
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
    /// <summary>A verbatim passage of the source that contains the reported number.</summary>
    public required string Quote { get; set; }
    /// <summary>An admin's note on a figure entered by hand.</summary>
    public string? Note { get; set; }
    /// <summary>Who entered the figure by hand; null for figures loaded from the seed, which the seed owns.</summary>
    public string? EnteredBy { get; set; }
    /// <summary>Soft delete: a deleted figure disappears from every read and can be restored from its history.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public uint Version { get; set; }
}
