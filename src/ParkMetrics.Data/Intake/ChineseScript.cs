using System.Collections.Frozen;

namespace ParkMetrics.Data.Intake;

/// <summary>
/// Reads traditional characters as simplified with OpenCC's tables (phrases first, then single characters), keeping
/// every character where it was: the result has the length of the input, so a place found in the simplified text is
/// the same place in the original, and quotes are cut from the original in its own script.
/// </summary>
public static class ChineseScript
{
    private static readonly Lazy<Tables> Loaded = new(Load);

    /// <summary>The text in simplified characters, character for character (a mapping that would change the length is skipped).</summary>
    public static string ToSimplified(string text)
    {
        var tables = Loaded.Value;
        char[]? result = null;
        for (var i = 0; i < text.Length;)
        {
            var matched = 0;
            for (var length = Math.Min(tables.LongestPhrase, text.Length - i); length >= 2; length--)
            {
                if (!tables.Phrases.TryGetValue(text.Substring(i, length), out var phrase)) continue;
                result ??= text.ToCharArray();
                phrase.CopyTo(0, result, i, length);
                matched = length;
                break;
            }
            if (matched > 0)
            {
                i += matched;
                continue;
            }
            if (tables.Characters.TryGetValue(text[i], out var simplified))
            {
                result ??= text.ToCharArray();
                result[i] = simplified;
            }
            i++;
        }
        return result is null ? text : new string(result);
    }

    private sealed record Tables(FrozenDictionary<char, char> Characters, FrozenDictionary<string, string> Phrases, int LongestPhrase);

    private static Tables Load()
    {
        var characters = new Dictionary<char, char>();
        foreach (var (from, to) in Read("TSCharacters"))
            if (from.Length == 1 && to.Length == 1) characters.TryAdd(from[0], to[0]);
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in Read("TSPhrases"))
            if (from.Length == to.Length && from.Length >= 2) phrases.TryAdd(from, to);
        return new Tables(characters.ToFrozenDictionary(), phrases.ToFrozenDictionary(StringComparer.Ordinal), phrases.Keys.Max(k => k.Length));
    }

    /// <summary>Each line of an OpenCC table: the traditional form and its first simplified form.</summary>
    private static IEnumerable<(string From, string To)> Read(string table)
    {
        using var stream = typeof(ChineseScript).Assembly.GetManifestResourceStream($"OpenCC.{table}.txt")
            ?? throw new InvalidOperationException($"The OpenCC table {table} is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var targets = line[(tab + 1)..];
            var space = targets.IndexOf(' ');
            yield return (line[..tab], space < 0 ? targets : targets[..space]);
        }
    }
}
