using System.Globalization;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Checks;

/// <summary>The word around a number that says which way its qualifier leans.</summary>
public enum Marker
{
    None,
    /// <summary>近: close to the number, and below it.</summary>
    Nearly,
    /// <summary>约, 左右: close to the number, either way.</summary>
    About,
    /// <summary>超, 以上, 突破, 逾: the number or more, with no upper end.</summary>
    AtLeast,
    /// <summary>余, 多 right after the number: more, but less than the next step of its last digit (500余 is under 600).</summary>
    Odd,
    /// <summary>不足, 不到, 以下: the number or less.</summary>
    AtMost,
}

/// <summary>
/// How far a printed figure can be from what it stands for. Rounding: half a unit of the last printed digit (18.5% is
/// 18.45–18.55%; 157亿元 is 156.5–157.5亿元), except that a whole count of single items printed exactly is exact (27家 is 27).
/// Qualifiers widen it only the way they lean: 近 and 约 by <see cref="ApproxMargin"/> (近 only downwards), 超 and 以上 without
/// an upper end, 余 to the next step of the last digit, 不足 and 以下 downwards to nothing. A forecast keeps its rounding:
/// the rules judge it as a forecast (<see cref="Qualifier.Forecast"/>), not by widening it.
/// </summary>
public static class Tolerance
{
    /// <summary>How far 约 and 近 may be from the number, as a part of it: 约28万平方米 is 26.6–29.4万平方米.</summary>
    public const double ApproxMargin = 0.05;

    /// <param name="value">The figure in its dimension's base unit.</param>
    /// <param name="decimals">The digits printed after the point.</param>
    /// <param name="reportedFactor">Base units in one of the units the figure was printed in (亿元: 10000 万元).</param>
    /// <param name="canBeNegative">Whether the measure has values below zero (growth rates, changes): 不足 then has no lower end.</param>
    public static Bounds Of(double value, int decimals, double reportedFactor, Qualifier qualifier, Marker marker, bool wholeCount, bool canBeNegative)
    {
        var step = Math.Pow(10, -decimals) * reportedFactor;
        var half = wholeCount && decimals == 0 && reportedFactor == 1 && qualifier is Qualifier.Exact or Qualifier.Forecast ? 0 : step / 2;
        var size = Math.Abs(value);
        return (qualifier, marker) switch
        {
            (Qualifier.Approx, Marker.Nearly) => new(value - size * ApproxMargin - half, value + half),
            (Qualifier.Approx, _) => new(value - size * ApproxMargin - half, value + size * ApproxMargin + half),
            (Qualifier.Over, Marker.Odd) => new(value - half, value + NextStep(value, decimals, reportedFactor)),
            (Qualifier.Over, _) => new(value - half, double.PositiveInfinity),
            (Qualifier.Under, _) => new(canBeNegative ? double.NegativeInfinity : 0, value + half),
            _ => new(value - half, value + half),
        };
    }

    /// <summary>The step of the last non-zero digit: 500 → 100, 6000 → 1000, 38.2 → 0.1, in base units.</summary>
    public static double NextStep(double value, int decimals, double reportedFactor)
    {
        var printed = Math.Abs(value) / reportedFactor;
        var exponent = -decimals;
        if (decimals == 0 && printed >= 1)
        {
            var digits = (long)Math.Round(printed);
            while (digits > 0 && digits % 10 == 0) { digits /= 10; exponent++; }
        }
        return Math.Pow(10, exponent) * reportedFactor;
    }

    /// <summary>The digits after the point of a printed number: <c>18.50</c> → 2, <c>157</c> → 0.</summary>
    public static int DecimalsOf(string valueText)
    {
        var point = valueText.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : valueText.Length - point - 1;
    }

    /// <summary>The digits after the point of a stored value, trailing zeros dropped (numeric(28,10) keeps ten).</summary>
    public static int DecimalsOf(decimal value) => DecimalsOf(Plain(value));

    /// <summary>A decimal as plain digits, without trailing zeros or exponent: 18.5000000000 → 18.5.</summary>
    public static string Plain(decimal value)
    {
        var text = Math.Abs(value).ToString("0.############################", CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>
    /// Which way the qualifier leans, read from the words around the printed number in the quote: 近 before it, 余 or 多
    /// after it (a 万 or 亿 between them aside: 38.2万余元). Without the number in the quote: the qualifier's plain reading.
    /// </summary>
    public static Marker MarkerOf(Qualifier qualifier, string? quote, string valueText)
    {
        var fallback = qualifier switch
        {
            Qualifier.Approx => Marker.About,
            Qualifier.Over => Marker.AtLeast,
            Qualifier.Under => Marker.AtMost,
            _ => Marker.None,
        };
        if (fallback == Marker.None || string.IsNullOrEmpty(quote) || valueText.Length == 0) return fallback;
        var reading = new string([.. quote.Select(Intake.ReportText.Normalize).Where(c => !char.IsWhiteSpace(c) && c is not (',' or '，'))]);
        for (var at = reading.IndexOf(valueText, StringComparison.Ordinal); at >= 0; at = reading.IndexOf(valueText, at + 1, StringComparison.Ordinal))
        {
            var end = at + valueText.Length;
            var digitBefore = at > 0 && (char.IsAsciiDigit(reading[at - 1]) || reading[at - 1] == '.');
            var digitAfter = end < reading.Length && (char.IsAsciiDigit(reading[end]) || reading[end] == '.' && end + 1 < reading.Length && char.IsAsciiDigit(reading[end + 1]));
            if (digitBefore || digitAfter) continue;
            if (qualifier == Qualifier.Approx) return at > 0 && reading[at - 1] == '近' ? Marker.Nearly : Marker.About;
            if (qualifier == Qualifier.Over)
            {
                var next = end < reading.Length && reading[end] is '万' or '亿' or '千' or '百' ? end + 1 : end;
                return next < reading.Length && reading[next] is '余' or '多' ? Marker.Odd : Marker.AtLeast;
            }
            return fallback;
        }
        return fallback;
    }
}
