namespace ParkMetrics.Web.Features.Catalog;

/// <summary>What an input inside a <see cref="CatalogField"/> sets on itself: its id, Bootstrap's invalid class and the ARIA states and links.</summary>
public sealed record CatalogFieldState(string Id, string InvalidClass, string? AriaInvalid, string? AriaRequired, string? DescribedBy);
