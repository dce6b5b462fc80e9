namespace ParkMetrics.Data.Entities;

public class Enterprise
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Other names the articles print for the same enterprise (short names, former names).</summary>
    public List<string> Aliases { get; set; } = [];
    public int ParkId { get; set; }
    public Park Park { get; set; } = null!;
    public string? Sector { get; set; }
    /// <summary>Designations such as 规上, 高新技术企业, 专精特新.</summary>
    public List<string> Designations { get; set; } = [];
    public uint Version { get; set; }
}
