namespace ParkMetrics.Data.Entities;

public enum SourceKind { NewsArticle, StatisticalBulletin, GovernmentWorkReport, StatisticsOfficeData, Other }

/// <summary>A published report the figures are taken from, with its full text when it is known.</summary>
public class Source
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public SourceKind Kind { get; set; }
    /// <summary>The report's text file in the articles folder, for the seed's sources; null for a report registered by an admin.</summary>
    public string? FileName { get; set; }
    public required string Title { get; set; }
    public string? Outlet { get; set; }
    public DateOnly? PublishedOn { get; set; }
    /// <summary>The date the report's "now" (目前, 截至目前, 以来) refers to.</summary>
    public DateOnly AsOf { get; set; }
    /// <summary>How <see cref="PublishedOn"/> and <see cref="AsOf"/> were established, where the report does not print them.</summary>
    public string? DateNote { get; set; }
    public string? Url { get; set; }
    /// <summary>The report's full text, stored as given (simplified or traditional); every quote of its figures stands in it verbatim.</summary>
    public string? Text { get; set; }
    /// <summary>A retired source keeps its figures but is no longer offered for new ones.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    public uint Version { get; set; }
}
