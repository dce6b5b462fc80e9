using System.Text.Json;

namespace ParkMetrics.Web.Features.Admin;

/// <summary>
/// What an audit entry of a catalog record (source, indicator, unit, park) changed, field by field, for its history:
/// <c>title: 旧标题 → 新标题</c>. A source's text is summed up by its length, not printed.
/// </summary>
public static class AuditChanges
{
    private const int MaxValueLength = 60;

    /// <summary>Whether the snapshot is of a catalog record (they all carry a code).</summary>
    public static bool IsCatalog(string? before, string? after) => HasCode(after ?? before);

    public static IReadOnlyList<string> Describe(string? before, string? after)
    {
        var old = Read(before);
        var @new = Read(after);
        var names = @new.Keys.Concat(old.Keys).Distinct(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var name in names)
        {
            var from = old.GetValueOrDefault(name);
            var to = @new.GetValueOrDefault(name);
            if (from == to || (before is null && to is null) || (after is null && from is null)) continue;
            lines.Add(before is null ? $"{name}: {Show(name, to)}" : after is null ? $"{name}: {Show(name, from)}" : $"{name}: {Show(name, from)} → {Show(name, to)}");
        }
        return lines;
    }

    private static string Show(string name, string? value)
    {
        if (value is null) return "—";
        if (name == "text") return $"({value.Length:N0})";
        return value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)] + "…";
    }

    private static bool HasCode(string? json)
    {
        if (json is null) return false;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("code", out _);
    }

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
