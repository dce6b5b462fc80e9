using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Intake;

/// <summary>
/// Finds the indicator of the catalog a report's words name (规上工业产值 → 规模以上工业总产值), among those whose unit
/// and measure fit the figure. Names are compared in simplified characters with reporting's abbreviations expanded, by
/// their shared character pairs.
/// </summary>
internal sealed class IndicatorMatcher
{
    public const double Threshold = 0.6;

    private readonly List<(IndicatorRow Indicator, string Dimension, string[] Names)> indicators;

    public IndicatorMatcher(CatalogRows catalog)
    {
        var dimensions = catalog.Units.ToDictionary(u => u.Code, u => u.Dimension);
        indicators = [.. catalog.Indicators.Select(i => (i, dimensions.GetValueOrDefault(i.Unit, ""),
            new[] { i.NameZh }.Concat(i.Aliases).Select(Normalize).Where(n => n.Length > 0).Distinct().ToArray()))];
    }

    public IndicatorRow? Find(string code) => indicators.FirstOrDefault(i => i.Indicator.Code == code).Indicator;

    /// <summary>The best indicator for <paramref name="phrase"/> with a unit of <paramref name="dimension"/> and a measure among <paramref name="measures"/>.</summary>
    public (IndicatorRow Indicator, double Score)? Match(string phrase, string dimension, IReadOnlyCollection<MeasureKind> measures)
    {
        var wanted = Normalize(phrase);
        if (wanted.Length < 2) return null;
        (IndicatorRow, double)? best = null;
        foreach (var (indicator, unitDimension, names) in indicators)
        {
            if (unitDimension != dimension || !measures.Contains(indicator.Measure)) continue;
            var score = names.Max(n => Similarity(wanted, n));
            if (score >= Threshold && (best is null || score > best.Value.Item2)) best = (indicator, score);
        }
        return best;
    }

    /// <summary>The growth rate (or share, or change) indicator whose base is <paramref name="baseCode"/>.</summary>
    public IndicatorRow? Derived(string baseCode, MeasureKind measure, string dimension) =>
        indicators.Where(i => i.Indicator.Base == baseCode && i.Indicator.Measure == measure && i.Dimension == dimension)
            .Select(i => i.Indicator).OrderBy(i => i.Code.Length).FirstOrDefault();

    public static string Normalize(string name)
    {
        var s = ChineseScript.ToSimplified(name);
        foreach (var (shortForm, longForm) in Lexicon.Abbreviations)
            if (!s.Contains(longForm, StringComparison.Ordinal)) s = s.Replace(shortForm, longForm, StringComparison.Ordinal);
        return new string([.. s.Where(c => char.IsLetterOrDigit(c) && c is not '的')]);
    }

    /// <summary>Dice coefficient of character pairs, raised when one name holds the other whole.</summary>
    public static double Similarity(string a, string b)
    {
        if (a == b) return 1;
        // Holding the other whole counts only for names of three characters or more: 资产 is in 固定资产投资 and means little.
        var contained = Math.Min(a.Length, b.Length) >= 3 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
        var pairsA = Pairs(a);
        var pairsB = Pairs(b);
        var shared = 0;
        var remaining = new List<string>(pairsB);
        foreach (var p in pairsA)
        {
            var i = remaining.IndexOf(p);
            if (i < 0) continue;
            shared++;
            remaining.RemoveAt(i);
        }
        var dice = pairsA.Count + pairsB.Count == 0 ? 0 : 2.0 * shared / (pairsA.Count + pairsB.Count);
        if (!contained) return dice;
        var ratio = (double)Math.Min(a.Length, b.Length) / Math.Max(a.Length, b.Length);
        return Math.Max(dice, 0.55 + 0.45 * ratio);
    }

    private static List<string> Pairs(string s) => [.. Enumerable.Range(0, Math.Max(0, s.Length - 1)).Select(i => s.Substring(i, 2))];
}
