using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Intake;

/// <summary>A park or an enterprise named in the reading. <paramref name="IsReference"/>: named as a whole or a comparison (占开发区比重).</summary>
internal sealed record Mention(int Start, int End, string ParkCode, string? Enterprise, bool IsReference, bool IsGeneric = false)
{
    /// <summary>高景太阳能、丽豪半导体等15户: enterprises named as examples of a group; the figure is the group's.</summary>
    public bool IsExample { get; init; }
}

/// <summary>
/// Finds the parks and enterprises of the catalog in a report: by name, alias, a park's short name (东川 for
/// 东川工业园区) or an enterprise's (丽豪清能 for 青海丽豪清能股份有限公司), in simplified characters.
/// </summary>
internal sealed class SubjectReader
{
    private readonly List<(string Name, string Park, string? Enterprise)> names = [];
    private readonly HashSet<string> zonesAndParks;

    public SubjectReader(CatalogRows catalog)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string park, string? enterprise)
        {
            name = ChineseScript.ToSimplified(name.Trim());
            if (name.Length >= 2 && taken.Add(name)) names.Add((name, park, enterprise));
        }
        foreach (var p in catalog.Parks)
        {
            Add(p.NameZh, p.Code, null);
            foreach (var alias in p.Aliases) Add(alias, p.Code, null);
        }
        foreach (var p in catalog.Parks)
            foreach (var suffix in new[] { "工业园区", "产业园区" })
                if (p.NameZh.EndsWith(suffix, StringComparison.Ordinal) && p.NameZh.Length - suffix.Length >= 2)
                    Add(p.NameZh[..^suffix.Length] + "园区", p.Code, null); // 东川工业园区 → 东川园区
        foreach (var e in catalog.Enterprises)
        {
            Add(e.Name, e.Park, e.Name);
            foreach (var alias in e.Aliases) Add(alias, e.Park, e.Name);
            if (ShortName(e.Name) is { } shortName) Add(shortName, e.Park, e.Name);
        }
        names.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length));
        zonesAndParks = [.. catalog.Parks.Where(p => p.Kind is ParkKind.Zone or ParkKind.Park).Select(p => p.Code)];
    }

    public List<Mention> Read(string reading)
    {
        var mentions = new List<Mention>();
        var taken = new bool[reading.Length + 1];
        foreach (var (name, park, enterprise) in names)
        {
            for (var at = reading.IndexOf(name, StringComparison.Ordinal); at >= 0; at = reading.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                if (Enumerable.Range(at, name.Length).Any(i => taken[i])) continue;
                for (var i = at; i < end; i++) taken[i] = true;
                mentions.Add(new Mention(at, end, park, enterprise, IsReference(reading, at))
                {
                    IsExample = enterprise is not null && FollowsAsExample(reading, end),
                });
            }
        }
        foreach (var word in Lexicon.GenericPark)
            for (var at = reading.IndexOf(word, StringComparison.Ordinal); at >= 0; at = reading.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (Enumerable.Range(at, word.Length).Any(i => taken[i])) continue;
                for (var i = at; i < at + word.Length; i++) taken[i] = true;
                mentions.Add(new Mention(at, at + word.Length, "", null, IsReference(reading, at), IsGeneric: true));
            }
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>Whether the mention names a zone or park of the catalog (a region such as 西宁市 alone does not make a report about a park).</summary>
    public bool IsZoneOrPark(Mention m) => m.Enterprise is not null || zonesAndParks.Contains(m.ParkCode);

    private static bool IsReference(string reading, int at) =>
        Lexicon.ReferenceBefore.Any(w => at >= w.Length && reading.AsSpan(at - w.Length, w.Length).SequenceEqual(w));

    /// <summary>…、丽豪半导体等15户: the enterprises are examples of a group (等, 等企业) when 等 comes before the number.</summary>
    private static bool FollowsAsExample(string reading, int end)
    {
        for (var i = end; i < reading.Length && i < end + 40; i++)
        {
            var c = reading[i];
            if (c == '等') return true;
            if (char.IsAsciiDigit(c) || c is '，' or ',' or '。' or '；' or ';' or '：' or '\n') return false;
        }
        return false;
    }

    /// <summary>青海丽豪清能股份有限公司 → 丽豪清能: the name without its place prefix and legal suffix, when that leaves four characters or more.</summary>
    private static string? ShortName(string name)
    {
        var s = name;
        foreach (var suffix in Lexicon.CompanySuffixes)
            if (s.EndsWith(suffix, StringComparison.Ordinal)) { s = s[..^suffix.Length]; break; }
        var paren = s.IndexOfAny(['（', '(']);
        if (paren > 0) s = s[..paren];
        foreach (var prefix in Lexicon.CompanyPrefixes)
            if (s.StartsWith(prefix, StringComparison.Ordinal)) { s = s[prefix.Length..]; break; }
        return s.Length >= 4 && s != name ? s : null;
    }
}
