namespace ParkMetrics.Data.Entities;

public enum ParkKind { Region, Zone, Park }

/// <summary>A development zone, one of its parks, or the region whose totals parks are compared with.</summary>
public class Park
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public ParkKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Park? Parent { get; set; }
    /// <summary>Other names reports use for the park (东川园区, 东川), matched in simplified characters.</summary>
    public List<string> Aliases { get; set; } = [];
    public List<Park> Children { get; } = [];
    public List<Enterprise> Enterprises { get; } = [];
    public uint Version { get; set; }
}
