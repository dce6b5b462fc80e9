using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Checks;

/// <summary>
/// Writes a <see cref="RawFinding"/> out for readers: the figures with their quotes and reports, what the rule expects of
/// the judged figure against what was printed (in the unit it was printed in), and a sentence in Chinese and in English
/// that names the subject, the period, the numbers and, where the figures come from several reports, which is which.
/// </summary>
public static class FindingText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Finding Write(RawFinding raw, FigureSet set, Func<long, CheckedFigure> detail, CheckCatalog catalog)
    {
        var figures = raw.Figures.Select(r => new FindingFigure(r.Role, detail(set.Figures[r.Index].Id))).ToList();
        var focus = detail(set.Figures[raw.Focus].Id);
        var w = new Words(catalog, focus, SumPlaces(figures, focus, catalog));
        var focusRole = figures.First(y => y.Figure == focus).Role;
        var judged = figures.Where(x => x.Role == focusRole && x.Figure.PeriodKind == focus.PeriodKind && x.Figure.Start == focus.Start && x.Figure.End == focus.End)
            .Select(x => x.Figure).ToList();
        var (zh, en) = raw.Rule switch
        {
            CheckRule.Components => Components(raw, figures, w),
            CheckRule.Subset => Subset(figures),
            CheckRule.Share or CheckRule.CountShare => Share(raw, figures, w),
            CheckRule.Growth => Growth(raw, figures, w),
            CheckRule.AverageGrowth => AverageGrowth(raw, figures, w),
            CheckRule.PlanTotal => PlanTotal(raw, figures, w),
            CheckRule.PartOfYear => PartOfYear(figures, focus),
            CheckRule.Target => Target(raw, figures, w),
            CheckRule.Trend => Trend(raw, figures, focus),
            CheckRule.SameFigure => SameFigure(figures),
            _ => ParksInZone(raw, figures, w),
        };
        var sources = figures.Select(x => x.Figure.SourceCode).Distinct(StringComparer.Ordinal).Count();
        if (sources > 1 && raw.Rule != CheckRule.SameFigure)
        {
            var list = figures.DistinctBy(x => x.Figure.SourceCode).ToList();
            zh += "（数据来自：" + string.Join("；", list.Select(x => $"{Words.Printed(x.Figure, true)}出自{Words.Source(x.Figure, true)}")) + "）";
            en += " (From: " + string.Join("; ", list.Select(x => $"{Words.Printed(x.Figure, false)} from {Words.Source(x.Figure, false)}")) + ".)";
        }
        string Reported(bool chinese) => string.Join(" / ", judged.Select(j => Words.Printed(j, chinese)).Distinct(StringComparer.Ordinal));
        var whole = WholeCount(raw, figures);
        string Expected(bool chinese) => whole is { } wc ? (chinese ? wc.Text : wc.TextEn)
            : Against(raw, figures, focus, chinese) ?? w.Expected(raw.Expected, raw.Point, IsSum(raw.Rule), chinese);
        var (low, high) = whole is { } c ? (c.Low, c.High) : (w.InUnit(raw.Expected.Low), w.InUnit(raw.Expected.High));
        return new Finding(KeyOf(raw.Rule, figures), raw.Rule, raw.Severity, figures, Expected(true), Reported(true), whole is null ? w.InUnit(raw.Point) : raw.Point,
            double.IsInfinity(low) ? null : low, double.IsInfinity(high) ? null : high, (double)focus.ReportedValue, focus.ReportedUnit, zh, en)
        {
            ExpectedEn = Expected(false),
            ReportedEn = Reported(false),
        };
    }

    /// <summary>
    /// The places a sum of the other figures is shown to, in the judged figure's unit: as many as the most precise of them
    /// has there (91.2 + 47.8 = 139.0亿元; 5 + 3.5 = 8.5; 1200000万元 is 120亿元), at most six.
    /// </summary>
    private static int SumPlaces(List<FindingFigure> figures, CheckedFigure focus, CheckCatalog catalog)
    {
        var focusFactor = (decimal)catalog.UnitFactors.GetValueOrDefault(focus.ReportedUnit, 1);
        var places = figures.Where(x => x.Figure != focus && catalog.UnitFactors.ContainsKey(x.Figure.ReportedUnit))
            .Select(x => Tolerance.DecimalsOf(decimal.Parse(x.Figure.Printed, CultureInfo.InvariantCulture) * (decimal)catalog.UnitFactors[x.Figure.ReportedUnit] / focusFactor))
            .DefaultIfEmpty(Tolerance.DecimalsOf(focus.Printed)).Max();
        return Math.Clamp(places, 0, 6);
    }

    /// <summary>Where a rule holds the judged figure against one other figure, what it expects is that figure as printed.</summary>
    private static string? Against(RawFinding raw, List<FindingFigure> figures, CheckedFigure focus, bool zh)
    {
        CheckedFigure? other = raw.Rule switch
        {
            CheckRule.Trend => figures.Select(x => x.Figure).TakeWhile(x => x.Id != focus.Id).LastOrDefault(),
            CheckRule.Subset => figures.FirstOrDefault(x => x.Role == FigureRole.Part)?.Figure,
            CheckRule.PartOfYear => figures.FirstOrDefault(x => x.Role == FigureRole.PartOfYear && x.Figure.End != focus.End)?.Figure,
            CheckRule.SameFigure => figures.FirstOrDefault(x => x.Figure.Id != focus.Id)?.Figure,
            _ => null,
        };
        if (other is null) return null;
        var open = double.IsPositiveInfinity(raw.Expected.High) ? (zh ? "不少于" : "at least ") : double.IsNegativeInfinity(raw.Expected.Low) ? (zh ? "不多于" : "at most ") : "";
        return open + Words.Printed(other, zh);
    }

    /// <summary>Sums of rounded figures are shown to one more place than the figure judged (139.0亿元); ratios too, without trailing zeros.</summary>
    private static bool IsSum(CheckRule rule) => rule is CheckRule.Components or CheckRule.PlanTotal or CheckRule.ParksInZone or CheckRule.Subset
        or CheckRule.PartOfYear or CheckRule.SameFigure;

    /// <summary>
    /// A share of a count with no count of the whole: the shares the nearest whole counts give (27÷31 = 87.1%, 27÷30 = 90.0%),
    /// neither of which reads as the share printed.
    /// </summary>
    private static (string Text, string TextEn, double Low, double High)? WholeCount(RawFinding raw, List<FindingFigure> figures)
    {
        if (raw.Rule != CheckRule.CountShare || figures.Any(x => x.Role == FigureRole.Base)) return null;
        var part = figures.First(x => x.Role == FigureRole.Part).Figure;
        var value = (double)part.Value;
        var (above, below) = (Math.Ceiling(raw.Expected.High), Math.Floor(raw.Expected.Low));
        if (below <= 0) return null;
        var (low, high) = (value / above * 100, value / below * 100);
        var places = Tolerance.DecimalsOf(figures.First(x => x.Role == FigureRole.Share).Figure.Printed) + 1;
        string Share(double v) => Words.Number(v, places, true) + "%";
        var p = Tolerance.Plain(part.Value);
        return ($"{p}÷{above}＝{Share(low)}，{p}÷{below}＝{Share(high)}", $"{p}/{above} = {Share(low)}, {p}/{below} = {Share(high)}", low, high);
    }

    /// <summary>The figure's period in words: 2022年 / 2022, “十四五”期间累计 / 14th Five-Year Plan, total, 截至2025年11月30日 / as of 30 Nov 2025.</summary>
    public static string Period(CheckedFigure figure, bool zh) => Words.Period(figure, zh);

    /// <summary>The figure as printed with its qualifier's word: 近624亿元 / nearly CNY 62.4 bn, 500余家, 预计1200亿元.</summary>
    public static string Printed(CheckedFigure figure, bool zh) => Words.Printed(figure, zh);

    /// <summary>The figure's report by title and date.</summary>
    public static string Source(CheckedFigure figure, bool zh) => Words.Source(figure, zh);

    /// <summary>The park, or the enterprise and its park.</summary>
    public static string Subject(CheckedFigure figure, bool zh) => Words.Subject(figure, zh);

    /// <summary>The rule and the figures' natural keys: the same for stored figures and for candidate rows that would replace them.</summary>
    public static string KeyOf(CheckRule rule, IEnumerable<FindingFigure> figures)
    {
        var text = EnumCode.Of(rule) + "\n" + string.Join("\n", figures.Select(x => x.Figure.NaturalKey).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static List<CheckedFigure> Of(List<FindingFigure> figures, FigureRole role) => [.. figures.Where(x => x.Role == role).Select(x => x.Figure)];

    /// <summary>One figure per report of a period, as printed: 157亿元, or 157亿元 / 160亿元 where two reports differ.</summary>
    private static string All(List<CheckedFigure> figures, bool zh) => string.Join(" / ", figures.Select(x => Words.Printed(x, zh)).Distinct(StringComparer.Ordinal));

    private static (string, string) Components(RawFinding raw, List<FindingFigure> figures, Words w)
    {
        var total = Of(figures, FigureRole.Total);
        var t = total[0];
        var parts = Of(figures, FigureRole.Component).GroupBy(p => p.IndicatorCode).Select(g => g.ToList()).ToList();
        var zhParts = string.Join("与", parts.Select(p => p[0].IndicatorNameZh + All(p, true)));
        var enParts = string.Join(" and ", parts.Select(p => $"{Words.Lower(p[0].IndicatorNameEn)} {All(p, false)}"));
        var head = $"{Words.Subject(t, true)}{Words.Period(t, true)}{t.IndicatorNameZh}报告为{All(total, true)}";
        var headEn = $"{Words.Subject(t, false)}, {Words.Period(t, false)}: {Words.Lower(t.IndicatorNameEn)} is reported as {All(total, false)}";
        if (raw.Partial)
            return ($"{head}，而已报告的构成部分{zhParts}合计已达{w.Sum(raw.Point, true)}，超过了总数。",
                $"{headEn}, but the components reported, {enParts}, already add up to {w.Sum(raw.Point, false)}, more than the total.");
        var short_ = w.FocusValue > raw.Point;
        return ($"{head}，而其构成{zhParts}合计{w.Sum(raw.Point, true)}，{(short_ ? "比总数少" : "比总数多")}{w.Sum(Math.Abs(w.FocusValue - raw.Point), true)}。",
            $"{headEn}, but its components {enParts} add up to {w.Sum(raw.Point, false)}, {w.Sum(Math.Abs(w.FocusValue - raw.Point), false)} {(short_ ? "short of" : "more than")} the total.");
    }

    private static (string, string) Subset(List<FindingFigure> figures)
    {
        var whole = Of(figures, FigureRole.Whole);
        var part = Of(figures, FigureRole.Part);
        var p = part[0];
        return ($"{Words.Subject(p, true)}{Words.Period(p, true)}{p.IndicatorNameZh}为{All(part, true)}，多于包含它的{whole[0].IndicatorNameZh}{All(whole, true)}。",
            $"{Words.Subject(p, false)}, {Words.Period(p, false)}: {Words.Lower(p.IndicatorNameEn)} ({All(part, false)}) is more than {Words.Lower(whole[0].IndicatorNameEn)} ({All(whole, false)}), which contains it.");
    }

    private static (string, string) Share(RawFinding raw, List<FindingFigure> figures, Words w)
    {
        var share = Of(figures, FigureRole.Share);
        var part = Of(figures, FigureRole.Part);
        var @base = Of(figures, FigureRole.Base);
        var s = share[0];
        var head = $"{Words.Subject(s, true)}{Words.Period(s, true)}{s.IndicatorNameZh}报告为{All(share, true)}";
        var headEn = $"{Words.Subject(s, false)}, {Words.Period(s, false)}: {Words.Lower(s.IndicatorNameEn)} is reported as {All(share, false)}";
        if (@base.Count == 0)
        {
            var (below, above) = (Math.Floor(raw.Expected.Low), Math.Ceiling(raw.Expected.High));
            var p = Tolerance.Plain(part[0].Value);
            return ($"{head}，而{part[0].IndicatorNameZh}为{All(part, true)}：总数须在{Words.Number(raw.Expected.Low, 2, true)}至{Words.Number(raw.Expected.High, 2, true)}之间，没有这样的整数（{p}÷{above}＝{w.Ratio(double.Parse(p, Invariant) / above * 100, true)}，{p}÷{below}＝{w.Ratio(double.Parse(p, Invariant) / below * 100, true)}）。",
                $"{headEn} with {Words.Lower(part[0].IndicatorNameEn)} at {All(part, false)}: the whole would have to lie between {Words.Number(raw.Expected.Low, 2, false)} and {Words.Number(raw.Expected.High, 2, false)}, and no whole number does ({p}/{above} = {w.Ratio(double.Parse(p, Invariant) / above * 100, false)}, {p}/{below} = {w.Ratio(double.Parse(p, Invariant) / below * 100, false)}).");
        }
        var b = @base[0];
        var baseWhere = b.ParkCode == s.ParkCode ? "" : b.ParkNameZh;
        var baseWhereEn = b.ParkCode == s.ParkCode ? "" : b.ParkNameEn + "'s ";
        var baseWhen = b.PeriodKind == s.PeriodKind ? "" : $"（{Words.Period(b, true)}）";
        var baseWhenEn = b.PeriodKind == s.PeriodKind ? "" : $" ({Words.Period(b, false)})";
        return ($"{head}，而{part[0].IndicatorNameZh}{All(part, true)}占{baseWhere}{b.IndicatorNameZh}{All(@base, true)}{baseWhen}的{w.Ratio(raw.Point, true)}。",
            $"{headEn}, but {Words.Lower(part[0].IndicatorNameEn)} of {All(part, false)} is {w.Ratio(raw.Point, false)} of {baseWhereEn}{Words.Lower(b.IndicatorNameEn)}{baseWhenEn}, {All(@base, false)}.");
    }

    private static (string, string) Growth(RawFinding raw, List<FindingFigure> figures, Words w)
    {
        var growth = Of(figures, FigureRole.Growth);
        var (earlier, later) = (Of(figures, FigureRole.Earlier), Of(figures, FigureRole.Later));
        var g = growth[0];
        return ($"{Words.Subject(g, true)}{Words.Period(g, true)}{g.IndicatorNameZh}报告为{All(growth, true)}，而{later[0].IndicatorNameZh}从{Words.Period(earlier[0], true)}的{All(earlier, true)}变为{Words.Period(later[0], true)}的{All(later, true)}，变化{w.Ratio(raw.Point, true)}。",
            $"{Words.Subject(g, false)}, {Words.Period(g, false)}: {Words.Lower(g.IndicatorNameEn)} is reported as {All(growth, false)}, but {Words.Lower(later[0].IndicatorNameEn)} went from {All(earlier, false)} ({Words.Period(earlier[0], false)}) to {All(later, false)} ({Words.Period(later[0], false)}), a change of {w.Ratio(raw.Point, false)}.");
    }

    private static (string, string) AverageGrowth(RawFinding raw, List<FindingFigure> figures, Words w)
    {
        var growth = Of(figures, FigureRole.Growth);
        var (earlier, later) = (Of(figures, FigureRole.Earlier), Of(figures, FigureRole.Later));
        var g = growth[0];
        return ($"{Words.Subject(g, true)}{Words.Period(g, true)}{g.IndicatorNameZh}报告为{All(growth, true)}，而{later[0].IndicatorNameZh}从{earlier[0].Start.Year}年的{All(earlier, true)}到{later[0].Start.Year}年的{All(later, true)}，{raw.Years}年年均增长{w.Ratio(raw.Point, true)}。",
            $"{Words.Subject(g, false)}, {Words.Period(g, false)}: {Words.Lower(g.IndicatorNameEn)} is reported as {All(growth, false)}, but {Words.Lower(later[0].IndicatorNameEn)} went from {All(earlier, false)} in {earlier[0].Start.Year} to {All(later, false)} in {later[0].Start.Year}, {w.Ratio(raw.Point, false)} a year over {raw.Years} years.");
    }

    private static (string, string) PlanTotal(RawFinding raw, List<FindingFigure> figures, Words w)
    {
        var total = Of(figures, FigureRole.Total);
        var years = Of(figures, FigureRole.Year).Select(y => y.Start.Year).Distinct().Order().ToList();
        var t = total[0];
        var head = $"{Words.Subject(t, true)}{Words.Period(t, true)}{t.IndicatorNameZh}报告为{All(total, true)}";
        var headEn = $"{Words.Subject(t, false)}, {Words.Period(t, false)}: {Words.Lower(t.IndicatorNameEn)} is reported as {All(total, false)}";
        if (raw.Partial)
            return ($"{head}，而已报告的{years.Count}个年份（{string.Join("、", years.Select(y => $"{y}年"))}）合计已达{w.Sum(raw.Point, true)}，超过了这一累计数。",
                $"{headEn}, but the {years.Count} years reported ({string.Join(", ", years)}) already add up to {w.Sum(raw.Point, false)}, more than the total.");
        var gap = Math.Abs(w.FocusValue - raw.Point);
        return ($"{head}，而{years[0]}—{years[^1]}年各年合计{w.Sum(raw.Point, true)}，相差{w.Sum(gap, true)}。",
            $"{headEn}, but its years {years[0]}–{years[^1]} add up to {w.Sum(raw.Point, false)}, {w.Sum(gap, false)} apart.");
    }

    private static (string, string) PartOfYear(List<FindingFigure> figures, CheckedFigure focus)
    {
        var longer = figures.Where(x => x.Figure.Start == focus.Start && x.Figure.End == focus.End && x.Figure.PeriodKind == focus.PeriodKind).Select(x => x.Figure).ToList();
        var shorter = figures.Select(x => x.Figure).Except(longer).ToList();
        var s = shorter[0];
        var forecast = longer.All(l => l.Qualifier == Qualifier.Forecast);
        return ($"{Words.Subject(s, true)}{s.IndicatorNameZh}{Words.Period(s, true)}已为{All(shorter, true)}，多于{Words.Period(focus, true)}{(forecast ? "的预计数" : "的")}{All(longer, true)}。",
            $"{Words.Subject(s, false)}: {Words.Lower(s.IndicatorNameEn)} for {Words.Period(s, false)} ({All(shorter, false)}) is already more than {(forecast ? "the forecast " : "")}for {Words.Period(focus, false)} ({All(longer, false)}).");
    }

    private static (string, string) Target(RawFinding raw, List<FindingFigure> figures, Words w)
    {
        var target = Of(figures, FigureRole.Target);
        var latest = Of(figures, FigureRole.Latest);
        var growth = Of(figures, FigureRole.Growth);
        var (t, l, g) = (target[0], latest[0], growth[0]);
        return ($"{Words.Subject(t, true)}{t.IndicatorNameZh}目标为{t.End.Year}年达到{All(target, true)}，从{l.End.Year}年的{All(latest, true)}起需每年增长{w.Ratio(raw.Point, true)}，而报告的{g.IndicatorNameZh}为{All(growth, true)}（{Words.Period(g, true)}）。",
            $"{Words.Subject(t, false)}: the target of {All(target, false)} for {Words.Lower(t.IndicatorNameEn)} in {t.End.Year} takes {w.Ratio(raw.Point, false)} a year from {All(latest, false)} in {l.End.Year}, but the {Words.Lower(g.IndicatorNameEn)} reported is {All(growth, false)} ({Words.Period(g, false)}).");
    }

    private static (string, string) Trend(RawFinding raw, List<FindingFigure> figures, CheckedFigure focus)
    {
        var series = figures.Select(x => x.Figure).ToList();
        var at = series.FindIndex(x => x.Id == focus.Id);
        var before = series[Math.Max(0, at - 1)];
        var rising = ConsistencyRules.RisingWords.Contains(raw.Word ?? "");
        var points = string.Join("、", series.Select(x => Words.Printed(x, true)));
        return ($"原文称{focus.IndicatorNameZh}“{raw.Word}”（{points}），但{Words.Subject(focus, true)}{Words.Period(before, true)}为{Words.Printed(before, true)}，{Words.Period(focus, true)}{(rising ? "降为" : "升为")}{Words.Printed(focus, true)}。",
            $"The text says {Words.Lower(focus.IndicatorNameEn)} {(rising ? "rose" : "fell")} (“{raw.Word}”), but for {Words.Subject(focus, false)} it went from {Words.Printed(before, false)} in {Words.Period(before, false)} to {Words.Printed(focus, false)} in {Words.Period(focus, false)}.");
    }

    private static (string, string) SameFigure(List<FindingFigure> figures)
    {
        var (a, b) = (figures[0].Figure, figures[1].Figure);
        return ($"{Words.Subject(a, true)}{Words.Period(a, true)}{a.IndicatorNameZh}：{Words.Source(a, true)}报告为{Words.Printed(a, true)}，{Words.Source(b, true)}报告为{Words.Printed(b, true)}。",
            $"{Words.Subject(a, false)}, {Words.Period(a, false)}: {Words.Lower(a.IndicatorNameEn)} is {Words.Printed(a, false)} in {Words.Source(a, false)} but {Words.Printed(b, false)} in {Words.Source(b, false)}.");
    }

    private static (string, string) ParksInZone(RawFinding raw, List<FindingFigure> figures, Words w)
    {
        var zone = Of(figures, FigureRole.Zone);
        var z = zone[0];
        return ($"{z.ParkNameZh}{Words.Period(z, true)}{z.IndicatorNameZh}为{All(zone, true)}，而其下{raw.Years}个园区合计已达{w.Sum(raw.Point, true)}。",
            $"{z.ParkNameEn}, {Words.Period(z, false)}: {Words.Lower(z.IndicatorNameEn)} is {All(zone, false)}, but {raw.Years} of its parks already add up to {w.Sum(raw.Point, false)}.");
    }

    /// <summary>Names, periods, reports and amounts in both languages; amounts in the judged figure's printed unit.</summary>
    private sealed class Words(CheckCatalog catalog, CheckedFigure focus, int sumPlaces)
    {
        private readonly double factor = catalog.UnitFactors.GetValueOrDefault(focus.ReportedUnit, 1);
        private readonly int decimals = Tolerance.DecimalsOf(focus.Printed);

        public double InUnit(double baseValue) => baseValue / factor;

        /// <summary>The judged figure's number as printed, in the base unit.</summary>
        public double FocusValue { get; } = (double)focus.Value * (catalog.IndicatorId(focus.IndicatorCode) is { } id ? catalog.Indicators[id].UnitFactor : 1);

        /// <summary>A sum of printed figures, to as many places as the most precise of them, in the judged figure's unit: 91.2 + 47.8 = 139.0亿元.</summary>
        public string Sum(double baseValue, bool zh) => Unit(baseValue, sumPlaces, zh, trim: false);

        /// <summary>A rate or share computed from printed figures, to one more place, trailing zeros dropped: 67.5%, 16.51%.</summary>
        public string Ratio(double baseValue, bool zh) => Unit(baseValue, Math.Min(decimals + 1, 6), zh, trim: true);

        /// <summary>
        /// What the rule expects, for the finding's field: the value computed from the printed figures, with the range
        /// their rounding and qualifiers allow where it is wider than that (139.0亿元（138.9～139.1）), or an open end.
        /// </summary>
        public string Expected(Bounds b, double point, bool sum, bool zh)
        {
            var places = sum ? sumPlaces : Math.Min(decimals + 1, 6);
            if (double.IsPositiveInfinity(b.High) && double.IsNegativeInfinity(b.Low)) return zh ? "任意值" : "any value";
            if (double.IsPositiveInfinity(b.High)) return (zh ? "不少于" : "at least ") + Unit(double.IsInfinity(point) ? b.Low : point, places, zh, !sum);
            if (double.IsNegativeInfinity(b.Low)) return (zh ? "不多于" : "at most ") + Unit(double.IsInfinity(point) ? b.High : point, places, zh, !sum);
            var text = Unit(point, places, zh, !sum);
            var (lo, hi) = (Round(InUnit(b.Low), places), Round(InUnit(b.High), places));
            if (lo == hi) return text;
            return zh ? $"{text}（{Number(lo, places, true)}～{Number(hi, places, true)}）" : $"{text} ({Unit(b.Low, places, false, !sum)} to {Unit(b.High, places, false, !sum)})";
        }

        private static double Round(double v, int places) => Math.Round(v, places, MidpointRounding.AwayFromZero);

        private string Unit(double baseValue, int places, bool zh, bool trim)
        {
            var unit = focus.ReportedUnit;
            var value = InUnit(baseValue);
            if (trim)
                while (places > decimals && Math.Round(value, places - 1, MidpointRounding.AwayFromZero) == Math.Round(value, places, MidpointRounding.AwayFromZero)) places--;
            return zh ? Number(value, places, true) + unit : English(baseValue, value, unit, places, factor);
        }

        /// <summary>An English indicator name inside a sentence: lower-case unless it starts with an abbreviation (GDP).</summary>
        public static string Lower(string name) =>
            name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

        /// <summary>Money as CNY in billions or millions (as the dashboard writes it in English), other units by their English symbol.</summary>
        private static string English(double baseValue, double value, string unit, int places, double factor)
        {
            if (unit is "元" or "千元" or "万元" or "亿元" or "万亿元")
            {
                var yuan = baseValue * 10_000; // the money dimension's base unit is 万元
                var (scale, word) = Math.Abs(yuan) >= 1e9 ? (1e9, " bn") : Math.Abs(yuan) >= 1e6 ? (1e6, " mn") : (1.0, "");
                var shift = (int)Math.Round(Math.Log10(scale / (factor * 10_000)));
                return $"CNY {Number(yuan / scale, Math.Max(0, places + shift), false)}{word}";
            }
            if (unit == "万元/亩") return Number(value * 1e4, Math.Max(0, places - 4), false) + " yuan per mu";
            // 2.4万吨 is 24,000 t: a 万 or 亿 before a unit multiplies the number.
            foreach (var (prefix, times) in new[] { ("万", 1e4), ("亿", 1e8) })
                if (unit.Length > 1 && unit.StartsWith(prefix, StringComparison.Ordinal) && Symbol(unit[1..]) is { } inner)
                    return Number(value * times, Math.Max(0, places - (int)Math.Log10(times)), false) + inner;
            var symbol = Symbol(unit) ?? " " + unit;
            return Number(value, places, false) + symbol;
        }

        private static string? Symbol(string unit) => unit switch
        {
            "%" => "%",
            "个百分点" => " pp",
            "倍" => " times",
            "吨" => " t",
            "兆瓦" => " MW",
            "吉瓦" or "GW" => " GW",
            "平方米" => " m²",
            "亩" => " mu",
            "小时" => " hours",
            "个工作日" => " working days",
            "天" => " days",
            "千瓦时" => " kWh",
            "家" or "户" or "个" or "项" or "件" or "宗" or "套" or "次" or "台" or "座" or "处" or "条" or "批" or "株" or "人" or "名" or "片" or "瓶" => "",
            _ => null,
        };

        public static string Number(double value, int places, bool zh) =>
            value.ToString((zh ? "F" : "N") + places.ToString(Invariant), Invariant);

        /// <summary>A figure as printed, with its qualifier's word: 近624亿元, 500余家, 超1500亿元, 预计1200亿元.</summary>
        public static string Printed(CheckedFigure f, bool zh)
        {
            var number = (f.ReportedValue < 0 ? "-" : "") + f.Printed;
            var marker = Tolerance.MarkerOf(f.Qualifier, f.Quote, f.Printed);
            if (zh)
                return (f.Qualifier, marker) switch
                {
                    (Qualifier.Approx, Marker.Nearly) => $"近{number}{f.ReportedUnit}",
                    (Qualifier.Approx, _) => $"约{number}{f.ReportedUnit}",
                    (Qualifier.Over, Marker.Odd) => $"{number}余{f.ReportedUnit}",
                    (Qualifier.Over, _) => $"超{number}{f.ReportedUnit}",
                    (Qualifier.Under, _) => $"不足{number}{f.ReportedUnit}",
                    (Qualifier.Forecast, _) => $"预计{number}{f.ReportedUnit}",
                    _ => $"{number}{f.ReportedUnit}",
                };
            var value = English((double)f.ReportedValue * 1, (double)f.ReportedValue, f.ReportedUnit, Tolerance.DecimalsOf(f.Printed), 1);
            if (f.ReportedUnit is "元" or "千元" or "万元" or "亿元" or "万亿元")
                value = EnglishMoney(f);
            var word = (f.Qualifier, marker) switch
            {
                (Qualifier.Approx, Marker.Nearly) => "nearly ",
                (Qualifier.Approx, _) => "about ",
                (Qualifier.Over, Marker.Odd) => "over ",
                (Qualifier.Over, _) => "more than ",
                (Qualifier.Under, _) => "under ",
                (Qualifier.Forecast, _) => "forecast ",
                _ => "",
            };
            return word + value;
        }

        private static string EnglishMoney(CheckedFigure f)
        {
            var factor = f.ReportedUnit switch { "元" => 0.0001, "千元" => 0.1, "万元" => 1, "亿元" => 10_000, _ => 100_000_000 };
            return English((double)f.ReportedValue * factor, (double)f.ReportedValue, f.ReportedUnit, Tolerance.DecimalsOf(f.Printed), factor);
        }

        public static string Subject(CheckedFigure f, bool zh) =>
            zh ? f.ParkNameZh + (f.Enterprise is null ? "" : "·" + f.Enterprise) : f.Enterprise is null ? f.ParkNameEn : $"{f.Enterprise} ({f.ParkNameEn})";

        /// <summary>A report by its title and date: the publication date, else the date its “now” refers to.</summary>
        public static string Source(CheckedFigure f, bool zh)
        {
            var date = f.SourcePublishedOn ?? f.SourceAsOf;
            var dated = zh ? $"{date.Year}年{date.Month}月{date.Day}日" : date.ToString("d MMM yyyy", Invariant);
            return zh ? $"《{f.SourceTitle}》（{(f.SourcePublishedOn is null ? "截至" : "")}{dated}）" : $"“{f.SourceTitle}” ({(f.SourcePublishedOn is null ? "as of " : "")}{dated})";
        }

        public static string Period(CheckedFigure f, bool zh)
        {
            var (start, end) = (f.Start, f.End);
            var plan = PlanPeriod.All.FirstOrDefault(p => p.Start == start && p.End.Year >= end.Year);
            var en = Invariant;
            return f.PeriodKind switch
            {
                PeriodKind.Year => zh ? $"{start.Year}年" : $"{start.Year}",
                PeriodKind.YtdMonth => zh ? $"{start.Year}年1—{end.Month}月" : $"Jan–{end.ToString("MMM", en)} {start.Year}",
                PeriodKind.HalfYear => zh ? $"{start.Year}年{(start.Month == 1 ? "上" : "下")}半年" : $"H{(start.Month == 1 ? 1 : 2)} {start.Year}",
                PeriodKind.Quarter => zh ? $"{start.Year}年第{"一二三四"[(start.Month - 1) / 3]}季度" : $"Q{(start.Month - 1) / 3 + 1} {start.Year}",
                PeriodKind.PlanCumulative when plan is not null => zh ? $"“{plan.NameZh}”期间累计" : $"{plan.NameEn}, total",
                PeriodKind.PlanToDate when plan is not null => zh ? $"“{plan.NameZh}”以来（至{end.Year}年{end.Month}月）" : $"{plan.NameEn} to {end.ToString("MMM yyyy", en)}",
                PeriodKind.AnnualAverage when plan is not null && plan.End == end => zh ? $"“{plan.NameZh}”期间年均" : $"{plan.NameEn}, average per year",
                PeriodKind.AnnualAverage => zh ? $"{start.Year}—{end.Year}年年均" : $"{start.Year}–{end.Year}, average per year",
                PeriodKind.Point => zh ? $"截至{end.Year}年{end.Month}月{end.Day}日" : $"as of {end.ToString("d MMM yyyy", en)}",
                PeriodKind.Target => zh ? $"{(start.Year == end.Year ? $"{end.Year}年" : $"{start.Year}—{end.Year}年")}目标" : $"target for {(start.Year == end.Year ? $"{end.Year}" : $"{start.Year}–{end.Year}")}",
                _ => zh ? $"{start:yyyy-MM-dd}—{end:yyyy-MM-dd}" : $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}",
            };
        }
    }
}
