namespace ParkMetrics.Data.Entities;

public enum MeasureKind { Level, Count, GrowthRate, Share, Rate, ChangePp, Multiple, Intensity, Capacity, Duration, Rank }

public enum Aggregation { Sum, None }

public class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Category { get; set; }
    /// <summary>The unit every observation's <see cref="Observation.Value"/> is stored in.</summary>
    public required string UnitCode { get; set; }
    public MeasurementUnit Unit { get; set; } = null!;
    public MeasureKind Measure { get; set; }
    public Aggregation Aggregation { get; set; }
    /// <summary>For a growth rate or share: the level indicator it is a rate or share of.</summary>
    public int? BaseIndicatorId { get; set; }
    public Indicator? BaseIndicator { get; set; }
    /// <summary>Other names reports use for the indicator (规上工业产值 for 规模以上工业总产值).</summary>
    public List<string> Aliases { get; set; } = [];
    public uint Version { get; set; }
}
