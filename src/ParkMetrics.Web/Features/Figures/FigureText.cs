using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>
/// How a figure reads on screen, in Chinese statistical conventions (万/亿, 个百分点, “十四五”期间累计) or in English.
/// Values are shown as reported, with the source's own qualifier word; nothing is rounded away that the source printed.
/// Every text takes the culture to write in; the overloads without one write in the request's (the UI culture), so
/// that an export in another language never swaps the thread's culture.
/// </summary>
public static class FigureText
{
    public static bool IsChinese(CultureInfo culture) => Localization.Names.IsChinese(culture);

    private static CultureInfo Ui => CultureInfo.CurrentUICulture;

    /// <summary>A number without trailing zeros or exponent: 623.9, 1200, 0.44, -3.2.</summary>
    public static string Number(decimal value, int? maxDecimals = null, bool grouping = false)
    {
        if (maxDecimals is { } d) value = Math.Round(value, d, MidpointRounding.AwayFromZero);
        var text = value.ToString(grouping ? "#,0.##########" : "0.##########", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>The figure as the source reported it, with its qualifier: 近624亿元, 超1500亿元, 90%以上, 预计60亿元 (en: nearly CNY 62.4 bn …).</summary>
    public static string Reported(Figure f) => Reported(f, Ui);

    public static string Reported(Figure f, CultureInfo culture) => f.Quote.Length == 0
        ? Qualified(Canonical(f.Value, f.Unit, f.Measure, culture), f.Qualifier, IsChinese(culture)) // typed by an admin: nothing printed to follow
        : Reported(f.ReportedValue, f.ReportedUnit, f.Measure, f.Qualifier, f.Quote, culture);

    private static string Qualified(string amount, Qualifier qualifier, bool zh) => QualifierWord(qualifier, 0, "") is { } word
        ? (zh ? word.Zh + amount : $"{word.En} {amount}") : amount;

    public static string Reported(decimal value, string unit, MeasureKind measure, Qualifier qualifier, string quote) =>
        Reported(value, unit, measure, qualifier, quote, Ui);

    public static string Reported(decimal value, string unit, MeasureKind measure, Qualifier qualifier, string quote, CultureInfo culture)
    {
        var zh = IsChinese(culture);
        var amount = zh ? ZhAmount(value, unit, measure) : EnAmount(value, unit, measure);
        var word = QualifierWord(qualifier, value, quote);
        if (word is null) return amount;
        if (zh) return word.Suffix ? amount + word.Zh : word.Zh + amount;
        return word.EnSuffix ? $"{amount} {word.En}" : $"{word.En} {amount}";
    }

    /// <summary>A value in the indicator's own unit, scaled for reading: 6240000 万元 → 624亿元 / CNY 62.4 bn.</summary>
    public static string Canonical(decimal value, string unit, MeasureKind measure) => Canonical(value, unit, measure, Ui);

    public static string Canonical(decimal value, string unit, MeasureKind measure, CultureInfo culture) =>
        IsChinese(culture) ? ZhAmount(value, unit, measure, scale: true) : EnAmount(value, unit, measure);

    private static string Signed(decimal value) => value > 0 ? "+" + Number(value) : Number(value);

    private static string ZhAmount(decimal value, string unit, MeasureKind measure, bool scale = false)
    {
        if (unit == "%") return (measure == MeasureKind.GrowthRate ? Signed(value) : Number(value)) + "%";
        if (unit == "个百分点") return Signed(value) + "个百分点";
        if (!scale) return Number(value) + unit;
        return unit switch
        {
            "万元" when Math.Abs(value) >= 10000 => Number(value / 10000) + "亿元",
            "吨" or "平方米" or "家" or "个" or "人" when Math.Abs(value) >= 100000 => Number(value / 10000) + "万" + unit,
            "兆瓦" when Math.Abs(value) >= 1000 => Number(value / 1000) + "吉瓦",
            _ => Number(value) + unit,
        };
    }

    private static string EnAmount(decimal value, string unit, MeasureKind measure)
    {
        string Yuan(decimal yuan) => Math.Abs(yuan) switch
        {
            >= 1_000_000_000 => $"CNY {Number(yuan / 1_000_000_000)} bn",
            >= 1_000_000 => $"CNY {Number(yuan / 1_000_000)} mn",
            _ => $"CNY {Number(yuan, grouping: true)}",
        };
        string Plain(decimal v, string suffix = "") => Number(v, grouping: true) + suffix;
        return unit switch
        {
            "%" => (measure == MeasureKind.GrowthRate ? Signed(value) : Number(value)) + "%",
            "个百分点" => Signed(value) + " pp",
            "亿元" => Yuan(value * 100_000_000),
            "万元" => Yuan(value * 10_000),
            "元" => Yuan(value),
            "万元/亩" => Yuan(value * 10_000) + " per mu",
            "倍" => Number(value) + " times",
            "吨" => Plain(value, " t"),
            "万吨" => Plain(value * 10_000, " t"),
            "公斤" => Plain(value, " kg"),
            "兆瓦" => Plain(value, " MW"),
            "吉瓦" or "GW" => Plain(value, " GW"),
            "平方米" => Plain(value, " m²"),
            "万平方米" => Plain(value * 10_000, " m²"),
            "亩" => Plain(value, " mu"),
            "人" or "名" => Plain(value, value == 1 ? " person" : " people"),
            "个工作日" => Plain(value, value == 1 ? " working day" : " working days"),
            "小时" => Plain(value, value == 1 ? " hour" : " hours"),
            "万片" => Plain(value * 10_000, " pieces"),
            "万瓶" => Plain(value * 10_000, " bottles"),
            _ => Plain(value),
        };
    }

    /// <summary>A qualifier word and where it goes: 90%以上 but 近624亿元; in English only “or more” follows the amount.</summary>
    public sealed record Word(string Zh, string En, bool Suffix, bool EnSuffix = false);

    /// <summary>
    /// The qualifier in the source's own word, read from the quote around the number: 近 (nearly), 约 (about),
    /// 左右 (about), 超/突破 (over), 余/多 (over), 以上 (or more), 不足/不到 (under), 以下 (or less), 预计 (forecast).
    /// </summary>
    public static Word? QualifierWord(Qualifier qualifier, decimal value, string quote)
    {
        if (qualifier == Qualifier.Exact) return null;
        var number = Number(value);
        var at = NumberIndex(quote, value);
        var before = at < 0 ? "" : quote[Math.Max(0, at - 4)..at];
        var after = at < 0 ? "" : quote[(at + number.Length)..Math.Min(quote.Length, at + number.Length + 6)];
        return qualifier switch
        {
            Qualifier.Approx when before.EndsWith('近') => new("近", "nearly", false),
            Qualifier.Approx when after.Contains("左右", StringComparison.Ordinal) => new("左右", "about", true),
            Qualifier.Approx => new("约", "about", false),
            Qualifier.Over when after.Contains("以上", StringComparison.Ordinal) => new("以上", "or more", true, EnSuffix: true),
            Qualifier.Over when before.EndsWith("突破", StringComparison.Ordinal) => new("突破", "over", false),
            Qualifier.Over => new("超", "over", false),
            Qualifier.Under when after.Contains("以下", StringComparison.Ordinal) => new("以下", "or less", true, EnSuffix: true),
            Qualifier.Under when before.EndsWith("不到", StringComparison.Ordinal) => new("不到", "under", false),
            Qualifier.Under => new("不足", "under", false),
            Qualifier.Forecast => new("预计", "forecast", false),
            _ => null,
        };
    }

    /// <summary>
    /// A quote as a reader reads it: the hard wraps a newspaper column put inside it (青海宁\n北) joined without the space
    /// a browser would show; a wrap between two Latin words or numbers stays a space.
    /// </summary>
    public static string Unwrapped(string quote)
    {
        if (!quote.Contains('\n') && !quote.Contains('\r')) return quote;
        var sb = new System.Text.StringBuilder(quote.Length);
        for (var i = 0; i < quote.Length; i++)
        {
            if (quote[i] is not ('\n' or '\r'))
            {
                sb.Append(quote[i]);
                continue;
            }
            while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
            while (i + 1 < quote.Length && quote[i + 1] is '\n' or '\r' or ' ' or '\u3000') i++;
            if (sb.Length > 0 && i + 1 < quote.Length && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(quote[i + 1])) sb.Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Where <paramref name="value"/> is printed in <paramref name="quote"/>: the first place it stands alone (not the 20
    /// of 2023, not the 5 of 295 or of 2.5), else its first occurrence, else -1.
    /// </summary>
    public static int NumberIndex(string quote, decimal value)
    {
        var number = Number(value);
        var first = -1;
        for (var at = quote.IndexOf(number, StringComparison.Ordinal); at >= 0; at = quote.IndexOf(number, at + 1, StringComparison.Ordinal))
        {
            if (first < 0) first = at;
            var end = at + number.Length;
            var joinsBefore = at > 0 && (char.IsAsciiDigit(quote[at - 1]) || quote[at - 1] == '.');
            var joinsAfter = end < quote.Length && (char.IsAsciiDigit(quote[end]) || (quote[end] == '.' && end + 1 < quote.Length && char.IsAsciiDigit(quote[end + 1])));
            if (!joinsBefore && !joinsAfter) return at;
        }
        return first;
    }

    /// <summary>
    /// The period in words: 2023年, 2023年1—8月, 2023年上半年, “十四五”期间累计, “十四五”以来（截至2024年2月）, “十四五”期间年均,
    /// 截至2025年11月, 2025年目标.
    /// </summary>
    public static string Period(Figure f) => Period(f, Ui);

    public static string Period(Figure f, CultureInfo culture) => Period(f.PeriodKind, f.Start, f.End, f.PlanNameZh, f.PlanNameEn, culture);

    public static string Period(PeriodKind kind, DateOnly start, DateOnly end, string? planZh, string? planEn) =>
        Period(kind, start, end, planZh, planEn, Ui);

    public static string Period(PeriodKind kind, DateOnly start, DateOnly end, string? planZh, string? planEn, CultureInfo culture)
    {
        // An average over a whole plan reads as the plan's; over part of one, as the plan's so far; else as its years.
        var wholePlan = PlanPeriod.All.Any(p => p.Start == start && p.End == end);
        var planSoFar = planZh is not null && !wholePlan && PlanPeriod.All.Any(p => p.Start == start && end < p.End);
        if (IsChinese(culture))
        {
            return kind switch
            {
                PeriodKind.Year => $"{start.Year}年",
                PeriodKind.YtdMonth => $"{start.Year}年1—{end.Month}月",
                PeriodKind.HalfYear => start.Month == 1 ? $"{start.Year}年上半年" : $"{start.Year}年下半年",
                PeriodKind.Quarter => $"{start.Year}年第{"一二三四"[(start.Month - 1) / 3]}季度",
                PeriodKind.PlanCumulative => $"“{planZh}”期间累计",
                PeriodKind.PlanToDate => $"“{planZh}”以来（截至{end.Year}年{end.Month}月）",
                PeriodKind.AnnualAverage when wholePlan && planZh is not null => $"“{planZh}”期间年均",
                PeriodKind.AnnualAverage when planSoFar => $"“{planZh}”以来年均（截至{end.Year}年{end.Month}月）",
                PeriodKind.AnnualAverage => $"{start.Year}—{end.Year}年年均",
                PeriodKind.Point => $"截至{end.Year}年{end.Month}月",
                PeriodKind.Target => start.Year == end.Year ? $"{end.Year}年目标" : $"{start.Year}—{end.Year}年目标",
                _ => $"{start:yyyy-MM-dd}—{end:yyyy-MM-dd}",
            };
        }
        var en = CultureInfo.GetCultureInfo("en");
        return kind switch
        {
            PeriodKind.Year => $"{start.Year}",
            PeriodKind.YtdMonth => $"Jan–{end.ToString("MMM", en)} {start.Year}",
            PeriodKind.HalfYear => start.Month == 1 ? $"H1 {start.Year}" : $"H2 {start.Year}",
            PeriodKind.Quarter => $"Q{(start.Month - 1) / 3 + 1} {start.Year}",
            PeriodKind.PlanCumulative => $"{planEn}, total",
            PeriodKind.PlanToDate => $"{planEn} so far (to {end.ToString("MMM yyyy", en)})",
            PeriodKind.AnnualAverage when wholePlan && planEn is not null => $"{planEn}, average per year",
            PeriodKind.AnnualAverage when planSoFar => $"{planEn} so far, average per year (to {end.ToString("MMM yyyy", en)})",
            PeriodKind.AnnualAverage => $"{start.Year}–{end.Year}, average per year",
            PeriodKind.Point => $"as of {end.ToString("MMM yyyy", en)}",
            PeriodKind.Target => start.Year == end.Year ? $"{end.Year} target" : $"{start.Year}–{end.Year} target",
            _ => $"{start:yyyy-MM-dd}–{end:yyyy-MM-dd}",
        };
    }

    public static string Name(Figure f) => Name(f, Ui);

    public static string Name(Figure f, CultureInfo culture) => Localization.Names.Of(f.IndicatorNameZh, f.IndicatorNameEn, culture);

    public static string Park(Figure f) => Park(f, Ui);

    public static string Park(Figure f, CultureInfo culture) => Localization.Names.Of(f.ParkNameZh, f.ParkNameEn, culture);

    public static string Subject(Figure f) => f.Enterprise ?? Park(f);

    public static string Date(DateOnly date) => Date(date, Ui);

    public static string Date(DateOnly date, CultureInfo culture) =>
        IsChinese(culture) ? $"{date.Year}年{date.Month}月{date.Day}日" : date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en"));
}
