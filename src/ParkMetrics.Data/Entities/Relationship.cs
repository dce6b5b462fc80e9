namespace ParkMetrics.Data.Entities;

/// <summary>
/// How two or three indicators' figures must hang together, so that the consistency checks can hold them against each other.
/// </summary>
public enum RelationshipKind
{
    /// <summary>The part is one of the components that add up to the indicator (工业投资 + 非工业投资 = 固定资产投资).</summary>
    Component,
    /// <summary>The part is contained in the indicator, which has other parts too (其中地方财政预算收入): never more than it.</summary>
    Subset,
    /// <summary>The indicator is a share in % of the part in the base (of the base park, when one is named).</summary>
    Share,
    /// <summary>The indicator is the growth rate of the part, a level: growth between consecutive periods, or per year over several.</summary>
    Growth,
    /// <summary>The indicator is a flow: a plan's total is the sum of its years, and part of a year is never more than the year.</summary>
    PlanTotal,
}

/// <summary>
/// A relationship between indicators, declared in <c>data/seed/relationships.csv</c> (the seed owns those) or added by an
/// admin (audited). Growth rates whose indicator names its level as <see cref="Indicator.BaseIndicator"/> need no row: the
/// checks derive them from the catalog.
/// </summary>
public class Relationship
{
    public int Id { get; set; }
    public RelationshipKind Kind { get; set; }
    /// <summary>The total, the whole, the share, the growth rate or the flow.</summary>
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    /// <summary>The component, the contained part, the share's numerator or the growth rate's level.</summary>
    public int? PartIndicatorId { get; set; }
    public Indicator? PartIndicator { get; set; }
    /// <summary>The share's denominator (the share indicator's own base when left empty).</summary>
    public int? BaseIndicatorId { get; set; }
    public Indicator? BaseIndicator { get; set; }
    /// <summary>The park whose figure is the share's denominator (全市: the region); null for the share's own park.</summary>
    public int? BaseParkId { get; set; }
    public Park? BasePark { get; set; }
    /// <summary>The share's denominator is the figure of the park's parent (a park's share of its zone).</summary>
    public bool BaseOnParent { get; set; }
    public string? Note { get; set; }
    /// <summary>The admin who added the relationship; null for the seed's, which the seed owns.</summary>
    public string? CreatedBy { get; set; }
    public uint Version { get; set; }
}
