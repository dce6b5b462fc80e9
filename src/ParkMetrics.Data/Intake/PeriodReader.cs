using System.Text.RegularExpressions;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Intake;

internal enum AnchorKind
{
    /// <summary>2023年, 去年, 全年.</summary>
    Year,
    /// <summary>1—8月, 前三季度, 一季度, 2023年1至8月: January to a month.</summary>
    YearToMonth,
    /// <summary>上半年, 下半年.</summary>
    HalfYear,
    /// <summary>今年以来: January to the report's date.</summary>
    YearSoFar,
    /// <summary>截至8月底, 2023年底: a day, for stocks; for flows January to that day.</summary>
    Date,
    /// <summary>目前, 截至目前, 当前, 现有: the report's date.</summary>
    Now,
    /// <summary>“十四五”期间, “十四五”时期, 五年来 (when the plan has ended or is ending).</summary>
    PlanDuring,
    /// <summary>“十四五”以来: the plan's start to the report's date.</summary>
    PlanSince,
    /// <summary>“十四五”末: the plan's last year.</summary>
    PlanEnd,
    /// <summary>2021年至2023年: several years.</summary>
    Span,
    /// <summary>二季度, 三季度, 四季度: one quarter (<see cref="TimeAnchor.Month"/> its first month); 一季度 is January to March.</summary>
    Quarter,
}

/// <summary>A time expression in the reading. <paramref name="YearStated"/> is false when the year came from the report's date.</summary>
internal sealed record TimeAnchor(int Start, int End, AnchorKind Kind, int Year, int Month = 0, int Day = 0, PlanPeriod? Plan = null,
    int EndYear = 0, bool YearStated = true, bool FromBase = false)
{
    /// <summary>A comparison base (较“十三五”末, 比上年) says what a figure is compared with, not its period.</summary>
    public bool IsComparison { get; init; }
}

/// <summary>Finds the time expressions of Chinese economic reporting in a report's reading.</summary>
internal static partial class PeriodReader
{
    private const string Dash = "(?:至|到|—|-|–|~|－)";
    private const string Cn = "[一二三四五六七八九十两]";

    [GeneratedRegex(@"[“""‘']?(十三五|十四五|十五五)[”""’']?(期间|时期|以来|末期|末|收官|初|规划)?")]
    private static partial Regex Plan();

    [GeneratedRegex(@"(?:过去|近|这)?五年(?:来|间|里|中)")]
    private static partial Regex FiveYears();

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})年?" + Dash + @"((?:19|20)\d{2})年")]
    private static partial Regex YearSpan();

    [GeneratedRegex(@"(?<!\d)(?:((?:19|20)\d{2})年)?(?:1|一)月?" + Dash + @"(\d{1,2}|" + Cn + @"{1,2})月(?:份)?(?:底|末)?")]
    private static partial Regex JanuaryTo();

    [GeneratedRegex(@"(?<!\d)(?:((?:19|20)\d{2})年)?前(\d{1,2}|" + Cn + @"{1,2})个月")]
    private static partial Regex FirstMonths();

    [GeneratedRegex(@"(?<!\d)(?:((?:19|20)\d{2})年)?(?:今年)?(前三季度|第?一季度|第?二季度|第?三季度|第?四季度|上半年|下半年)")]
    private static partial Regex Quarters();

    [GeneratedRegex(@"截[至止](?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})日|底|末|份)?")]
    private static partial Regex UntilMonth();

    [GeneratedRegex(@"(?:截[至止])?((?:19|20)\d{2})年(?:底|末)")]
    private static partial Regex YearEnd();

    [GeneratedRegex(@"截[至止]目前|截[至止]今|目前|当前|现阶段|至今|迄今|现有|现已")]
    private static partial Regex Now();

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})(?:年度|年)(以来)?")]
    private static partial Regex Year();

    [GeneratedRegex(@"今年以来|年初以来|今年|本年度|本年|去年|上年末|上年|上一年|前年|明年|全年|年末|年底")]
    private static partial Regex RelativeYear();

    /// <param name="reportDate">The report's date (as-of, else publication), for 今年, 目前 and 以来; null when unknown.</param>
    public static List<TimeAnchor> Read(string reading, DateOnly? reportDate)
    {
        var anchors = new List<TimeAnchor>();
        var taken = new bool[reading.Length + 1];
        var year = reportDate?.Year ?? 0;

        void Add(Match m, TimeAnchor anchor)
        {
            for (var i = m.Index; i < m.Index + m.Length; i++) if (taken[i]) return;
            for (var i = m.Index; i < m.Index + m.Length; i++) taken[i] = true;
            anchors.Add(anchor with { IsComparison = IsComparison(reading, m.Index), FromBase = FollowsFrom(reading, m.Index) });
        }

        foreach (Match m in YearSpan().Matches(reading))
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Span, int.Parse(m.Groups[1].Value), EndYear: int.Parse(m.Groups[2].Value)));
        foreach (Match m in JanuaryTo().Matches(reading))
        {
            var month = Month(m.Groups[2].Value);
            if (month is < 2 or > 12) continue;
            var (y, stated) = YearOf(m.Groups[1], year);
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, month == 12 ? AnchorKind.Year : AnchorKind.YearToMonth, y, month, YearStated: stated));
        }
        foreach (Match m in FirstMonths().Matches(reading))
        {
            var month = Month(m.Groups[2].Value);
            if (month is < 1 or > 12) continue;
            var (y, stated) = YearOf(m.Groups[1], year);
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, month == 12 ? AnchorKind.Year : AnchorKind.YearToMonth, y, month, YearStated: stated));
        }
        foreach (Match m in Quarters().Matches(reading))
        {
            var (y, stated) = YearOf(m.Groups[1], year);
            var word = m.Groups[2].Value.TrimStart('第');
            var anchor = word switch
            {
                "前三季度" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.YearToMonth, y, 9, YearStated: stated),
                "一季度" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.YearToMonth, y, 3, YearStated: stated),
                "上半年" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.HalfYear, y, 1, YearStated: stated),
                "下半年" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.HalfYear, y, 7, YearStated: stated),
                "二季度" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Quarter, y, 4, YearStated: stated),
                "三季度" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Quarter, y, 7, YearStated: stated),
                _ => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Quarter, y, 10, YearStated: stated),
            };
            Add(m, anchor);
        }
        foreach (Match m in UntilMonth().Matches(reading))
        {
            var month = int.Parse(m.Groups[2].Value);
            if (month is < 1 or > 12) continue;
            var (y, stated) = YearOf(m.Groups[1], year);
            if (y == 0) continue;
            var day = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : DateTime.DaysInMonth(y, month);
            if (day < 1 || day > DateTime.DaysInMonth(y, month)) continue;
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Date, y, month, day, YearStated: stated));
        }
        foreach (Match m in YearEnd().Matches(reading))
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Date, int.Parse(m.Groups[1].Value), 12, 31));
        foreach (Match m in Plan().Matches(reading))
        {
            var plan = PlanPeriod.All.First(p => p.NameZh == m.Groups[1].Value);
            var kind = m.Groups[2].Value switch
            {
                "以来" => AnchorKind.PlanSince,
                "末" or "末期" => AnchorKind.PlanEnd,
                _ => AnchorKind.PlanDuring,
            };
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, kind, plan.StartYear, Plan: plan, EndYear: plan.EndYear));
        }
        foreach (Match m in FiveYears().Matches(reading))
        {
            // "五年来" in a report dated within a plan speaks of that plan; if it is the plan's last year, of the whole plan.
            if (reportDate is not { } date || PlanPeriod.All.FirstOrDefault(p => p.StartYear <= date.Year && date.Year <= p.EndYear) is not { } plan) continue;
            var kind = date.Year == plan.EndYear ? AnchorKind.PlanDuring : AnchorKind.PlanSince;
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, kind, plan.StartYear, Plan: plan, EndYear: plan.EndYear, YearStated: false));
        }
        foreach (Match m in Now().Matches(reading))
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Now, year, YearStated: false));
        foreach (Match m in Year().Matches(reading))
        {
            var y = int.Parse(m.Groups[1].Value);
            if (m.Groups[2].Success)
            {
                // 2021年以来: from a plan's first year it is the plan so far; from this year, the year so far.
                var plan = PlanPeriod.All.FirstOrDefault(p => p.StartYear == y);
                if (plan is not null && y != year) Add(m, new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.PlanSince, y, Plan: plan, EndYear: plan.EndYear));
                else if (y == year) Add(m, new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.YearSoFar, y));
                else Add(m, new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Span, y, EndYear: year == 0 ? y : year));
                continue;
            }
            Add(m, new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Year, y));
        }
        foreach (Match m in RelativeYear().Matches(reading))
        {
            TimeAnchor? anchor = m.Value switch
            {
                "今年以来" or "年初以来" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.YearSoFar, year, YearStated: false),
                "去年" or "上年" or "上一年" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Year, year == 0 ? 0 : year - 1, YearStated: false),
                "前年" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Year, year == 0 ? 0 : year - 2, YearStated: false),
                "明年" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Year, year == 0 ? 0 : year + 1, YearStated: false),
                // 全年 opening a clause takes the year of the expression before it (resolved by the reader of anchors); inside
                // one (围绕全年经济增长目标) it names a goal's span, not the figure's period.
                "全年" when !OpensClause(reading, m.Index) => null,
                "全年" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Year, -1, YearStated: false),
                // 年末共有…218家: the end of the year the text is speaking of (resolved like 全年).
                "年末" or "年底" when !OpensClause(reading, m.Index) => null,
                "年末" or "年底" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Date, -1, 12, 31, YearStated: false),
                "上年末" => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Date, year == 0 ? 0 : year - 1, 12, 31, YearStated: false),
                _ => new TimeAnchor(m.Index, m.Index + m.Length, AnchorKind.Year, year, YearStated: false),
            };
            if (anchor is not null) Add(m, anchor);
        }
        anchors.Sort((a, b) => a.Start.CompareTo(b.Start));
        return anchors;
    }

    private static (int Year, bool Stated) YearOf(Group group, int reportYear) =>
        group.Success ? (int.Parse(group.Value), true) : (reportYear, false);

    private static int Month(string text) => int.TryParse(text, out var m) ? m : ChineseNumber(text);

    private static int ChineseNumber(string text)
    {
        const string digits = "零一二三四五六七八九";
        if (text == "十") return 10;
        if (text.Length == 2 && text[0] == '十') return 10 + digits.IndexOf(text[1]);
        if (text == "两") return 2;
        return text.Length == 1 ? digits.IndexOf(text[0]) : -1;
    }

    /// <summary>At a clause's start, or after a year or a word of forecast or goal (预计全年, 2023年全年).</summary>
    private static bool OpensClause(string reading, int at) =>
        at == 0 || reading[at - 1] is '，' or ',' or '。' or '；' or '\n' or '：' or '“' or '年'
        || Lexicon.Forecast.Concat(Lexicon.TargetBefore).Any(w => reading.AsSpan(0, at).EndsWith(w));

    private static bool IsComparison(string reading, int at)
    {
        var before = reading[Math.Max(0, at - 3)..at];
        return before.EndsWith('较') || before.EndsWith('比') || before.EndsWith("相比", StringComparison.Ordinal)
            || before.EndsWith("相较", StringComparison.Ordinal) || before.EndsWith("对比", StringComparison.Ordinal)
            || before.EndsWith("高于", StringComparison.Ordinal) || before.EndsWith("低于", StringComparison.Ordinal);
    }

    /// <summary>从2020年的558.9亿元…增加至2025年: the first year is the base of a change, not part of an average's span.</summary>
    private static bool FollowsFrom(string reading, int at) => at > 0 && reading[at - 1] == '从';
}
