using System.Globalization;
using System.Text;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Catalog;

/// <summary>
/// Codes for catalog entries an admin registers without one: uploads name parks, indicators and sources by code, so a
/// code must be short, readable and unique.
/// </summary>
public static class CodeGenerator
{
    /// <summary>
    /// The English name in lower snake case, cut at a word to fit <paramref name="maxLength"/> and made unique with a
    /// numeric suffix: "Gross industrial output (above designated size)" → gross_industrial_output_above_designated_size.
    /// </summary>
    public static string FromName(string name, int maxLength, Func<string, bool> isTaken, string fallback)
    {
        var words = Words(name);
        var stem = "";
        foreach (var word in words)
        {
            var next = stem.Length == 0 ? word : stem + "_" + word;
            if (next.Length > maxLength) break;
            stem = next;
        }
        if (stem.Length == 0) stem = words.Count > 0 ? words[0][..Math.Min(words[0].Length, maxLength)] : fallback;
        return Unique(stem, maxLength, '_', isTaken);
    }

    /// <summary>
    /// A source's code from its kind and its date (published, else as of): news-2024-02-01, bulletin-2023-12-31-2.
    /// </summary>
    public static string ForSource(SourceKind kind, DateOnly? publishedOn, DateOnly? asOf, int maxLength, Func<string, bool> isTaken)
    {
        var prefix = kind switch
        {
            SourceKind.NewsArticle => "news",
            SourceKind.StatisticalBulletin => "bulletin",
            SourceKind.GovernmentWorkReport => "work-report",
            SourceKind.StatisticsOfficeData => "statistics",
            _ => "report",
        };
        var date = publishedOn ?? asOf;
        var stem = date is { } d ? $"{prefix}-{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : prefix;
        return Unique(stem, maxLength, '-', isTaken);
    }

    /// <summary><paramref name="stem"/> itself when free, else stem_2, stem_3 … (shortened to keep within the length).</summary>
    public static string Unique(string stem, int maxLength, char separator, Func<string, bool> isTaken)
    {
        stem = stem[..Math.Min(stem.Length, maxLength)];
        if (!isTaken(stem)) return stem;
        for (var n = 2; ; n++)
        {
            var suffix = $"{separator}{n.ToString(CultureInfo.InvariantCulture)}";
            var candidate = stem[..Math.Min(stem.Length, maxLength - suffix.Length)].TrimEnd(separator) + suffix;
            if (!isTaken(candidate)) return candidate;
        }
    }

    /// <summary>The name's words in lower-case ASCII letters and digits, accents dropped (Qinghai, Hé → he).</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            if (c == '\'' || c == '’') continue; // Xi'an → xian
            if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }
}
