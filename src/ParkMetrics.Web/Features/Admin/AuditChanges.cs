using System.Text.Json;

namespace ParkMetrics.Web.Features.Admin;

/// <summary>One field an audit entry of a catalog record changed, by its name in the snapshot; null is no value.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// What an audit entry of a catalog record (source, indicator, unit, park) changed, field by field, in the order its
/// form shows them. A created record lists the fields it was given; a deleted one, what it held.
/// </summary>
public static class AuditChanges
{
    /// <summary>The snapshots' names in the order of the forms.</summary>
    private static readonly string[] Order =
        ["code", "kind", "title", "nameZh", "nameEn", "outlet", "publishedOn", "asOf", "dateNote", "url", "category", "unit", "measure",
         "aggregation", "base", "dimension", "factor", "parent", "aliases", "text", "retired"];

    /// <summary>Whether the snapshot is of a catalog record (they all carry a code).</summary>
    public static bool IsCatalog(string? before, string? after)
    {
        var json = after ?? before;
        if (json is null) return false;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("code", out _);
    }

    public static IReadOnlyList<AuditChange> Describe(string? before, string? after)
    {
        var old = Read(before);
        var @new = Read(after);
        return [.. @new.Keys.Concat(old.Keys).Distinct(StringComparer.Ordinal)
            .Select(name => new AuditChange(name, old.GetValueOrDefault(name), @new.GetValueOrDefault(name)))
            .Where(c => c.Before != c.After && (before is not null && after is not null || Given(c.Before ?? c.After)))
            .OrderBy(c => Array.IndexOf(Order, c.Field) is var i and >= 0 ? i : Order.Length)];
    }

    private static bool Given(string? value) => value is { Length: > 0 } and not "False";

    private static Dictionary<string, string?> Read(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null) return values;
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Array => string.Join("; ", p.Value.EnumerateArray().Select(e => e.ToString())),
                _ => p.Value.ToString(),
            };
        return values;
    }
}
