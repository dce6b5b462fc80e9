namespace ParkMetrics.Data.Catalog;

/// <summary>
/// The valid codes closest to a mistyped one, for an error message that names what was probably meant:
/// <c>industrial_ouput</c> → industrial_output, industrial_output_growth, industrial_output_above_scale.
/// </summary>
public static class NearestCodes
{
    public const int DefaultCount = 3;

    /// <summary>
    /// Up to <paramref name="count"/> of <paramref name="candidates"/>, nearest first: those that hold the code with the
    /// fewest edits (so a typo in a prefix finds every code sharing it), then those sharing the longest run of
    /// characters with it (光年 finds 年 before GW), then by plain edit distance, then by code. Letters compare without case.
    /// </summary>
    public static IReadOnlyList<string> Find(string code, IEnumerable<string> candidates, int count = DefaultCount)
    {
        var wanted = code.Trim().ToLowerInvariant();
        if (wanted.Length == 0) return [];
        return [.. candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Code: c, Lower: c.ToLowerInvariant()))
            .Where(c => c.Lower != wanted)
            .Select(c => (c.Code, Full: Distance(wanted, c.Lower), Inside: DistanceInside(wanted, c.Lower), Shared: LongestSharedRun(wanted, c.Lower)))
            .OrderBy(c => Math.Min(c.Inside, c.Full)).ThenByDescending(c => c.Shared).ThenBy(c => c.Full).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Code)];
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of one character each.</summary>
    public static int Distance(string a, string b) => Align(a, b, freeEnds: false);

    /// <summary>
    /// The fewest edits that turn <paramref name="a"/> into some substring of <paramref name="b"/>: 0 when b contains a.
    /// </summary>
    public static int DistanceInside(string a, string b) => Align(a, b, freeEnds: true);

    /// <summary>The length of the longest substring the two strings share.</summary>
    public static int LongestSharedRun(string a, string b)
    {
        var longest = 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0;
                longest = Math.Max(longest, current[j]);
            }
            (previous, current) = (current, previous);
        }
        return longest;
    }

    private static int Align(string a, string b, bool freeEnds)
    {
        // previous[j]: edits for a[..i-1] against b[..j]; with free ends, b may start and stop anywhere.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = freeEnds ? 0 : j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return freeEnds ? previous.Min() : previous[b.Length];
    }
}
