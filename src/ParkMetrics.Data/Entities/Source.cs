namespace ParkMetrics.Data.Entities;

/// <summary>A published article the figures are taken from.</summary>
public class Source
{
    public int Id { get; set; }
    public required string Code { get; set; }
    /// <summary>The article's text file, for checking quotes.</summary>
    public required string FileName { get; set; }
    public required string Title { get; set; }
    public string? Outlet { get; set; }
    public DateOnly? PublishedOn { get; set; }
    /// <summary>The date the article's "now" (目前, 截至目前, 以来) refers to.</summary>
    public DateOnly AsOf { get; set; }
    public string? DateNote { get; set; }
}
