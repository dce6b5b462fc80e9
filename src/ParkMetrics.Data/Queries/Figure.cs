using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Queries;

/// <summary>One observation with everything needed to show it honestly: what, whose, when, how qualified, and from where.</summary>
public sealed record Figure
{
    public long Id { get; init; }
    public required string ParkCode { get; init; }
    public required string ParkNameZh { get; init; }
    public required string ParkNameEn { get; init; }
    public string? Enterprise { get; init; }
    public required string IndicatorCode { get; init; }
    public required string IndicatorNameZh { get; init; }
    public required string IndicatorNameEn { get; init; }
    public required string Category { get; init; }
    public MeasureKind Measure { get; init; }
    /// <summary>The indicator's unit, which <see cref="Value"/> is in.</summary>
    public required string Unit { get; init; }
    public required string UnitDimension { get; init; }
    public PeriodKind PeriodKind { get; init; }
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
    public string? PlanCode { get; init; }
    public string? PlanNameZh { get; init; }
    public string? PlanNameEn { get; init; }
    public decimal Value { get; init; }
    public decimal ReportedValue { get; init; }
    public required string ReportedUnit { get; init; }
    public Qualifier Qualifier { get; init; }
    public int SourceId { get; init; }
    public required string SourceTitle { get; init; }
    public string? SourceOutlet { get; init; }
    public DateOnly? SourcePublishedOn { get; init; }
    public DateOnly SourceAsOf { get; init; }
    public SourceKind SourceKind { get; init; }
    /// <summary>Where the report can be read online, when known.</summary>
    public string? SourceUrl { get; init; }
    public required string Quote { get; init; }
    public string? Note { get; init; }

    /// <summary>The subject: the enterprise when there is one, else the park.</summary>
    public bool IsEnterprise => Enterprise is not null;
}
