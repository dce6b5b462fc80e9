using System.Globalization;
using System.Text.RegularExpressions;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Intake;

/// <summary>A number printed with a unit, in the reading of a report.</summary>
/// <param name="Start">Where the digits start in the reading.</param>
/// <param name="End">Where the figure ends in the reading: after its unit and any 以上/左右.</param>
/// <param name="DigitsEnd">Where the digits end.</param>
/// <param name="Unit">The catalog's unit, or null when the unit is new (<see cref="UnitText"/> then says what was printed).</param>
internal sealed record NumberToken(int Start, int DigitsEnd, int End, string ValueText, decimal Value, string UnitText, UnitRow? Unit, Qualifier? UnitQualifier);

/// <summary>
/// Finds the figures of a text: numbers in Arabic digits followed by a unit. Not figures: dates and years, times,
/// ordinals (第3), numbers in names (5G, 3号线, 2+N, 《…2023年行动方案》), slogans in short quotation marks, grades
/// (万吨级), distances (约400米外) and phone numbers.
/// </summary>
internal sealed partial class NumberScanner
{
    private readonly List<(string Text, UnitRow Unit)> units;
    private readonly Dictionary<string, UnitRow> byText;

    public NumberScanner(IEnumerable<UnitRow> catalog)
    {
        byText = new Dictionary<string, UnitRow>(StringComparer.Ordinal);
        foreach (var unit in catalog)
        {
            foreach (var alias in unit.Aliases) byText.TryAdd(ChineseScript.ToSimplified(alias), unit);
            byText[unit.Code] = unit;
        }
        units = [.. byText.Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Key.Length)];
    }

    [GeneratedRegex(@"(?<![\d.])(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(\.\d+)?")]
    private static partial Regex Digits();

    public IEnumerable<NumberToken> Scan(string reading)
    {
        var enclosure = Enclosures(reading);
        foreach (Match m in Digits().Matches(reading))
        {
            var start = m.Index;
            var digitsEnd = m.Index + m.Length;
            if (enclosure[start]) continue;
            if (IsPartOfName(reading, start, digitsEnd)) continue;
            if (Before(reading, start, 1) is "第") continue;
            if (IsPhoneNumber(reading, start, digitsEnd)) continue;
            if (Lexicon.NotAFigureAfter.Any(w => reading.AsSpan(digitsEnd).StartsWith(w)) && !StartsUnit(reading, digitsEnd)) continue;
            if (IsRange(reading, start, digitsEnd)) continue;

            var text = m.Value.Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) continue;
            if (ReadUnit(reading, digitsEnd) is not { } unit) continue;
            var (unitText, row, unitEnd, infix) = unit;
            if (Lexicon.SpecificationAfter.Any(w => reading.AsSpan(unitEnd).StartsWith(w))) continue;
            if (unitText == "个" && unitEnd < reading.Length && reading[unitEnd] is '月' or '年' or '季' or '星' or '日' or '天' or '小') continue; // 6个月, 1800多个日夜: durations
            if (value == 24 && unitText == "小时") continue; // 24小时: around the clock
            if (Lexicon.ListSizeBefore.Any(w => Before(reading, start, w.Length) == w)) continue;
            if (row?.Dimension == "length" && IsDistance(reading, start, unitEnd)) continue;

            Qualifier? qualifier = infix is not null ? Qualifier.Over : null;
            var end = unitEnd;
            if (After(reading, end, Lexicon.OverAfter) is { } over)
            {
                if (over == "以上" && Lexicon.ThresholdAfter.Any(w => reading.AsSpan(end + over.Length).StartsWith(w))) continue;
                qualifier = Qualifier.Over;
                end += over.Length;
            }
            else if (After(reading, end, Lexicon.ApproxAfter) is { } approx) { qualifier ??= Qualifier.Approx; end += approx.Length; }
            else if (After(reading, end, Lexicon.UnderAfter) is { } under) { qualifier ??= Qualifier.Under; end += under.Length; }
            yield return new NumberToken(start, digitsEnd, end, text, value, unitText, row, qualifier);
        }
    }

    /// <summary>The unit after the digits: 万吨, 亿元, %, 个百分点; a multiplier before a catalog unit (万套) makes a new unit.</summary>
    private (string Text, UnitRow? Row, int End, string? Infix)? ReadUnit(string reading, int at)
    {
        var infix = Lexicon.OverInfix.FirstOrDefault(w => reading.AsSpan(at).StartsWith(w) && StartsUnit(reading, at + w.Length));
        var from = at + (infix?.Length ?? 0);
        if (Known(reading, from) is { } known)
        {
            // 1万多人, 3000余万元: a multiplier, then 余/多, then the unit.
            var end = from + known.Text.Length;
            if (Lexicon.Multipliers.Contains(known.Text) && infix is null)
                foreach (var w in Lexicon.OverInfix)
                    if (reading.AsSpan(end).StartsWith(w) && Known(reading, end + w.Length) is { } rest && byText.TryGetValue(known.Text + rest.Text, out var joined))
                        return (joined.Code, joined, end + w.Length + rest.Text.Length, w);
            return (known.Unit.Code, known.Unit, end, infix);
        }
        foreach (var multiplier in Lexicon.Multipliers)
        {
            if (!reading.AsSpan(from).StartsWith(multiplier)) continue;
            var afterMultiplier = from + multiplier.Length;
            var infix2 = infix ?? Lexicon.OverInfix.FirstOrDefault(w => reading.AsSpan(afterMultiplier).StartsWith(w));
            var unitAt = afterMultiplier + (infix is null && infix2 is not null ? infix2.Length : 0);
            if (Known(reading, unitAt) is { } baseUnit && baseUnit.Unit.Dimension is not "percent" and not "percentage_point")
            {
                var printed = multiplier + baseUnit.Text;
                return byText.TryGetValue(printed, out var row)
                    ? (row.Code, row, unitAt + baseUnit.Text.Length, infix2)
                    : (printed, null, unitAt + baseUnit.Text.Length, infix2);
            }
        }
        return null;
    }

    private (string Text, UnitRow Unit)? Known(string reading, int at)
    {
        foreach (var (text, unit) in units)
            if (reading.AsSpan(at).StartsWith(text) && !ContinuesWord(reading, at + text.Length, text)) return (text, unit);
        return null;
    }

    /// <summary>A Latin unit (GW, t) must not run on into a longer word (GWh is its own unit; 5G is a name).</summary>
    private static bool ContinuesWord(string reading, int end, string unit) =>
        end < reading.Length && char.IsAsciiLetter(unit[^1]) && char.IsAsciiLetter(reading[end]);

    private bool StartsUnit(string reading, int at) =>
        Known(reading, at) is not null || Lexicon.Multipliers.Any(m => reading.AsSpan(at).StartsWith(m) && Known(reading, at + m.Length) is not null);

    /// <summary>5G, G20, 3D, 2+N, 1+9: digits joined to letters or a plus sign belong to a name.</summary>
    private static bool IsPartOfName(string reading, int start, int end)
    {
        var before = start > 0 ? reading[start - 1] : ' ';
        var after = end < reading.Length ? reading[end] : ' ';
        if (before is '+' or '＋' or '-' or '/' || after is '+' or '＋') return true;
        if (char.IsAsciiLetter(before)) return true;
        return char.IsAsciiLetter(after) && !(end + 1 < reading.Length && char.IsAsciiLetter(reading[end + 1])
            && reading.AsSpan(end).StartsWith("GW") | reading.AsSpan(end).StartsWith("MW") | reading.AsSpan(end).StartsWith("kW") | reading.AsSpan(end).StartsWith("km") | reading.AsSpan(end).StartsWith("kg"));
    }

    private static bool IsPhoneNumber(string reading, int start, int end) =>
        end - start >= 7 && !reading.AsSpan(start, end - start).Contains('.')
        || (end < reading.Length - 1 && reading[end] == '-' && char.IsAsciiDigit(reading[end + 1]) && end - start >= 3)
        || Before(reading, start, 4) is { } b && (b.Contains("电话", StringComparison.Ordinal) || b.Contains("热线", StringComparison.Ordinal));

    /// <summary>1—8月, 9月11日至13日: the first number of a date range.</summary>
    private static bool IsRange(string reading, int start, int end)
    {
        if (end >= reading.Length || reading[end] is not ('—' or '-' or '–' or '~' or '至' or '到')) return false;
        var next = end + 1;
        while (next < reading.Length && reading[next] == '—') next++;
        var digitsEnd = next;
        while (digitsEnd < reading.Length && char.IsAsciiDigit(reading[digitsEnd])) digitsEnd++;
        return digitsEnd > next && digitsEnd < reading.Length && reading[digitsEnd] is '月' or '日' or '年' or '号';
    }

    private static bool IsDistance(string reading, int start, int unitEnd) =>
        Lexicon.DistanceAfter.Any(w => reading.AsSpan(unitEnd).StartsWith(w))
        || Lexicon.DistanceBefore.Any(w => Before(reading, start, 5) is { } b && b.Contains(w, StringComparison.Ordinal));

    private static string? After(string reading, int at, string[] words) => words.FirstOrDefault(w => reading.AsSpan(at).StartsWith(w));

    private static string Before(string reading, int at, int length) => reading[Math.Max(0, at - length)..at];

    /// <summary>
    /// Which characters stand inside 《titles》 or inside a short quotation (“两个千亿元”, “1+9”): slogans and names.
    /// A quotation longer than a slogan is someone speaking, and its figures count.
    /// </summary>
    private static bool[] Enclosures(string reading)
    {
        var inside = new bool[reading.Length + 1];
        void Mark(char open, char close, int maxLength)
        {
            for (var i = 0; i < reading.Length; i++)
            {
                if (reading[i] != open) continue;
                var end = reading.IndexOf(close, i + 1, Math.Min(maxLength + 1, reading.Length - i - 1));
                if (end < 0) continue;
                for (var k = i; k <= end; k++) inside[k] = true;
                i = end;
            }
        }
        Mark('《', '》', 80);
        Mark('“', '”', 12);
        Mark('‘', '’', 12);
        Mark('「', '」', 12);
        return inside;
    }
}
