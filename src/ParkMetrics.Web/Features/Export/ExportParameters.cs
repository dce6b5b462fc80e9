using Microsoft.AspNetCore.Mvc;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// The query string of an export as sent: every value is text, checked by <see cref="ExportRequest.TryParse"/>, so
/// that a bad value becomes a 400 naming the parameter rather than a binding failure. Lists may repeat the parameter
/// (<c>park=a&amp;park=b</c>) or separate values with commas (<c>park=a,b</c>). What each means, its allowed values
/// and an example are in <see cref="ApiReference.ParameterDocs"/>, which the OpenAPI document is written from.
/// </summary>
public class ExportParameters
{
    [FromQuery(Name = "park")] public string[]? Park { get; init; }
    [FromQuery(Name = "indicator")] public string[]? Indicator { get; init; }
    [FromQuery(Name = "from")] public string? From { get; init; }
    [FromQuery(Name = "to")] public string? To { get; init; }
    [FromQuery(Name = "period_kind")] public string[]? PeriodKind { get; init; }
    [FromQuery(Name = "subject")] public string? Subject { get; init; }
    [FromQuery(Name = "source")] public string[]? Source { get; init; }
    [FromQuery(Name = "category")] public string[]? Category { get; init; }
    [FromQuery(Name = "format")] public string? Format { get; init; }
    [FromQuery(Name = "lang")] public string? Lang { get; init; }
}

/// <summary>The CSV's parameters: the filters, and whether the file starts with a byte order mark.</summary>
public sealed class CsvParameters : ExportParameters
{
    [FromQuery(Name = "bom")] public string? Bom { get; init; }
}

/// <summary>The JSON API's parameters: the filters, and which page.</summary>
public sealed class PageParameters : ExportParameters
{
    [FromQuery(Name = "limit")] public string? Limit { get; init; }
    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }
}
