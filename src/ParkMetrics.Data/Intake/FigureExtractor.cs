using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Intake;

/// <summary>A report's dates: when it was published and the day its "now" (目前, 今年以来) refers to.</summary>
public sealed record ReportDates(DateOnly? PublishedOn, DateOnly? AsOf)
{
    public DateOnly? Now => AsOf ?? PublishedOn;
}

/// <summary>A passage of the text about no park of the catalog (another item on the same newspaper page), left out.</summary>
public sealed record SkippedPassage(int Start, int End, string Opening);

public sealed record Extraction(IReadOnlyList<Candidate> Candidates, IReadOnlyList<SkippedPassage> Skipped, string? MainPark);

/// <summary>
/// Proposes the figures of a report as candidates: value and unit as printed, qualifier, measure, period, park or
/// enterprise, the best-matching indicator and the clause that holds the number. Rules are those of Chinese economic
/// reporting (see <see cref="Lexicon"/>); what the text leaves open is said in each candidate's notes.
/// </summary>
public sealed class FigureExtractor
{
    private readonly NumberScanner numbers;
    private readonly SubjectReader subjects;
    private readonly IndicatorMatcher indicators;
    private readonly CatalogRows catalog;

    public FigureExtractor(CatalogRows catalog)
    {
        this.catalog = catalog;
        numbers = new NumberScanner(catalog.Units);
        subjects = new SubjectReader(catalog);
        indicators = new IndicatorMatcher(catalog);
    }

    public Extraction Extract(string text, ReportDates dates)
    {
        var report = ReportText.Read(text);
        var reading = report.Reading;
        var segments = new Segments(reading);
        var mentions = subjects.Read(reading);
        var anchors = PeriodReader.Read(reading, dates.Now);
        var blocks = new Positioned<Block>(Blocks(report, mentions), b => b.Start);
        var mainPark = MainPark(mentions, blocks);
        var tokens = new Positioned<NumberToken>(numbers.Scan(reading).Where(t => BlockAt(blocks, t.Start)?.Relevant == true), t => t.Start);

        var context = new Context(report, segments, new Positioned<Mention>(mentions, m => m.Start),
            new Positioned<TimeAnchor>(anchors.Where(a => !a.IsComparison), a => a.Start), new Positioned<TimeAnchor>(anchors, a => a.Start),
            blocks, tokens, mainPark, dates,
            mentions.Where(m => !m.IsGeneric && subjects.IsZoneOrPark(m) && m.Enterprise is null).Select(m => m.ParkCode).Distinct().Count(),
            anchors.Any(a => a.YearStated && a.Plan is null && !a.IsComparison));
        var candidates = new List<Candidate>();
        var seen = new HashSet<(decimal, string, string?, string?, PeriodKind?, DateOnly?, DateOnly?, string, Qualifier)>();
        var phrases = new Dictionary<NumberToken, Named>();
        var respectively = Respectively(context);
        // A title (开发区规上工业产值达993.1亿元, 超1500亿元！) repeats a figure the text reports: the text's is the figure.
        var reported = tokens.All.Where(t => !report.IsInTitle(t.Start)).Select(t => (t.Value, t.UnitText)).ToHashSet();
        foreach (var token in tokens.All)
        {
            var candidate = Read(context, token, candidates.Count + 1, phrases, respectively);
            // A report often prints a figure twice (in its lead and its body): the same value, unit, subject, period and name is one figure.
            var key = (candidate.Value, candidate.Unit, candidate.ParkCode, candidate.Enterprise, candidate.PeriodKind, candidate.PeriodStart,
                candidate.PeriodEnd, candidate.IndicatorName, candidate.Qualifier);
            if (report.IsInTitle(token.Start) && reported.Contains((token.Value, token.UnitText))) continue;
            if (seen.Add(key)) candidates.Add(candidate with { Index = candidates.Count + 1 });
        }
        var skipped = blocks.All.Where(b => !b.Relevant).Select(b => new SkippedPassage(report.OriginalIndex(b.Start), report.OriginalIndex(b.End),
            Opening(reading, b.Start))).ToList();
        return new Extraction(candidates, skipped, mainPark);
    }

    /// <param name="Anchors">The time expressions that can date a figure (comparison bases left out).</param>
    /// <param name="Words">Every time expression, comparison bases (比上年) included: none of them names an indicator.</param>
    /// <param name="AnyYearStated">Whether the text states a year anywhere (not only 今年, 目前).</param>
    private sealed record Context(ReportText Report, Segments Segments, Positioned<Mention> Mentions, Positioned<TimeAnchor> Anchors,
        Positioned<TimeAnchor> Words, Positioned<Block> Blocks, Positioned<NumberToken> Tokens, string? MainPark, ReportDates Dates, int ParksNamed, bool AnyYearStated)
    {
        public string Reading => Report.Reading;

        public int ParagraphOf(int index)
        {
            var starts = Report.ParagraphStarts;
            int low = 0, high = starts.Count - 1;
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                if (starts[mid] <= index) low = mid; else high = mid - 1;
            }
            return starts[low];
        }

        public Block? BlockAt(int index) => FigureExtractor.BlockAt(Blocks, index);

        /// <summary>Whether each figure read so far is a stock, for the shares that follow it.</summary>
        public Dictionary<NumberToken, bool> Stocks { get; } = [];
    }

    private Candidate Read(Context c, NumberToken token, int index, Dictionary<NumberToken, Named> phrases,
        Dictionary<NumberToken, (Mention? Subject, int? Year)> respectively)
    {
        var reading = c.Reading;
        var notes = new List<CandidateNote>();
        var sentence = c.Segments.SentenceAt(token.Start);
        var clause = c.Segments.ClauseAt(token.Start);
        var sentenceBefore = reading[sentence.Start..token.Start];
        var previous = c.Tokens.BackFrom(token.Start, sentence.Start).FirstOrDefault(t => t.End <= token.Start);
        var segmentStart = previous is not null && previous.End > clause.Start ? previous.End : clause.Start;
        var segment = reading[segmentStart..token.Start];

        // Qualifier: the words around the number, and a forecast word earlier in the sentence.
        var qualifier = token.UnitQualifier ?? QualifierBefore(segment) ?? Qualifier.Exact;
        var forecast = Lexicon.Forecast.Any(w => sentenceBefore.Contains(w, StringComparison.Ordinal));
        var target = Lexicon.TargetBefore.Any(w => sentenceBefore.Contains(w, StringComparison.Ordinal)) || IsTargetAfter(reading[token.End..clause.End]);
        if (forecast && !target)
        {
            if (qualifier != Qualifier.Exact) notes.Add(CandidateNote.QualifierAlsoPrinted);
            qualifier = Qualifier.Forecast;
        }

        // Measure, from the unit and the words just before the number.
        var (unit, unitText) = PerUnit(token, reading[clause.Start..token.Start]);
        var dimension = unit?.Dimension ?? NewUnitDimension(unitText);
        var (phrase, phraseFromContext) = Phrase(c, token, clause, segmentStart, phrases);
        var measure = MeasureOf(dimension, segment, phrase, reading[clause.Start..token.Start], reading[token.End..clause.End]);
        var value = token.Value;
        if (measure == MeasureKind.GrowthRate && Lexicon.Fall.Any(w => segment.Contains(w, StringComparison.Ordinal)))
        {
            value = -value;
            notes.Add(CandidateNote.NegativeFromWording);
        }

        // Indicator: by name among those of the figure's unit and measure; a bare 增长 after a level is that level's growth.
        IndicatorRow? indicator = null;
        var name = phrase;
        var bare = IsBare(phrase);
        if ((bare || phraseFromContext) && previous is not null && phrases.TryGetValue(previous, out var before) && measure is MeasureKind.GrowthRate or MeasureKind.Share or MeasureKind.ChangePp)
        {
            if (before.Indicator is { } baseIndicator)
            {
                indicator = indicators.Derived(baseIndicator.Code, measure, dimension);
                name = indicator?.NameZh ?? baseIndicator.NameZh + Suffix(measure);
            }
            else name = before.Name + Suffix(measure);
        }
        else if (measure == MeasureKind.Share && phrase.StartsWith('占') && previous is not null && phrases.TryGetValue(previous, out var whole)
            && indicators.Match(whole.Name + phrase, dimension, Compatible(measure)) is null)
        {
            // 新能源产业投资45.6亿元，占工业投资的38.2%: the share of the figure before it in that whole.
            name = whole.Name + phrase + (phrase.EndsWith("比重", StringComparison.Ordinal) || phrase.EndsWith("比例", StringComparison.Ordinal) ? "" : "比重");
        }
        else if (indicators.Match(phrase, dimension, Compatible(measure)) is { } match)
        {
            indicator = match.Indicator;
            name = indicator.NameZh;
            measure = indicator.Measure;
        }
        if (indicator is null) notes.Add(CandidateNote.NewIndicator);
        if (name.Length == 0) name = reading[clause.Start..token.Start].Trim();
        phrases[token] = new Named(phrase.Length > 0 ? phrase : name, name, indicator);

        // Subject and period; a list after 分别 pairs each number with its subject or year.
        respectively.TryGetValue(token, out var pairing);
        var subject = pairing.Subject ?? Subject(c, token, sentence, notes);
        var isStock = IsStock(c, token, measure, indicator, clause, sentence, dimension);
        c.Stocks[token] = isStock;
        var average = Lexicon.Average.Any(w => reading[clause.Start..token.Start].Contains(w, StringComparison.Ordinal));
        var cumulative = reading[sentence.Start..token.Start].Contains("累计", StringComparison.Ordinal);
        var period = pairing.Year is { } pairedYear
            ? (PeriodKind.Year, new DateOnly(pairedYear, 1, 1), new DateOnly(pairedYear, 12, 31))
            : Period(c, token, sentence, isStock, average, cumulative, target, notes);
        if (respectively.ContainsKey(token) && pairing.Subject is null && pairing.Year is null) notes.Add(CandidateNote.RespectivelyUnpaired);
        if (unit is null) notes.Add(CandidateNote.NewUnit);

        var (quote, quoteStart) = ClauseQuote.Cut(c.Report, clause, token.Start, token.End);
        return new Candidate(index, c.Report.OriginalIndex(token.Start), token.ValueText, value, unitText, unit is not null, qualifier, measure,
            period?.Kind, period?.Start, period?.End, subject?.ParkCode, subject?.Enterprise, indicator?.Code, Shorten(name), quote, quoteStart,
            notes.Distinct().ToList());
    }

    /// <summary>What a figure read so far was named by: the words before it (shared with the next number of its clause), its name, its indicator.</summary>
    private sealed record Named(string Phrase, string Name, IndicatorRow? Indicator);

    private static string Suffix(MeasureKind measure) => measure switch
    {
        MeasureKind.GrowthRate => "增速",
        MeasureKind.Share => "占比",
        MeasureKind.ChangePp => "变动",
        _ => "",
    };

    /// <summary>…形成年产值500亿元的宏伟目标: a goal named after the number, unless the clause reports progress against it.</summary>
    private static bool IsTargetAfter(string afterNumber)
    {
        var at = afterNumber.IndexOf("目标", StringComparison.Ordinal);
        return at >= 0 && !Lexicon.TargetProgress.Any(w => afterNumber[..at].Contains(w, StringComparison.Ordinal));
    }

    /// <summary>亩均产值198万元: a per-mu (per-head …) figure is in 万元/亩 when the catalog has that unit.</summary>
    private (UnitRow? Unit, string Text) PerUnit(NumberToken token, string clauseBefore)
    {
        foreach (var (word, per) in Lexicon.PerUnit)
            if (clauseBefore.Contains(word, StringComparison.Ordinal) && catalog.Units.FirstOrDefault(u => u.Code == token.UnitText + "/" + per) is { } perUnit)
                return (perUnit, perUnit.Code);
        return (token.Unit, token.UnitText);
    }

    /// <summary>约, 近, 超, 不到 … just before the number, or before a last 达/为/到 (近达, 超过了).</summary>
    private static Qualifier? QualifierBefore(string segment)
    {
        var tail = segment.Length > 6 ? segment[^6..] : segment;
        return Word(tail) ?? Word(tail.TrimEnd('了', '达', '到', '为', '至'));

        static Qualifier? Word(string tail)
        {
            if (Lexicon.NotApprox.Any(w => tail.EndsWith(w, StringComparison.Ordinal))) return null;
            if (Lexicon.UnderBefore.Any(w => tail.EndsWith(w, StringComparison.Ordinal))) return Qualifier.Under;
            if (Lexicon.ApproxBefore.Any(w => tail.EndsWith(w, StringComparison.Ordinal))) return Qualifier.Approx;
            if (Lexicon.OverBefore.Any(w => tail.EndsWith(w, StringComparison.Ordinal))) return Qualifier.Over;
            return null;
        }
    }

    private static MeasureKind MeasureOf(string dimension, string segment, string phrase, string clauseBefore, string clauseAfter) => dimension switch
    {
        "percent" when Lexicon.Growth.Any(w => segment.Contains(w, StringComparison.Ordinal)) => MeasureKind.GrowthRate,
        "percent" when segment.Contains("完成", StringComparison.Ordinal) => MeasureKind.Rate,
        "percent" when Lexicon.Share.Any(w => segment.Contains(w, StringComparison.Ordinal) || phrase.Contains(w, StringComparison.Ordinal)) => MeasureKind.Share,
        "percent" when phrase.EndsWith('率') || segment.Contains('率') => MeasureKind.Rate,
        "percent" when Lexicon.Growth.Any(w => phrase.EndsWith(w, StringComparison.Ordinal)) || phrase.EndsWith("增速", StringComparison.Ordinal) => MeasureKind.GrowthRate,
        "percent" => MeasureKind.Share,
        "percentage_point" => MeasureKind.ChangePp,
        "multiple" => MeasureKind.Multiple,
        "workdays" or "hours" or "days" => MeasureKind.Duration,
        "items" when IsCapacity(clauseBefore, "") => MeasureKind.Capacity,
        "enterprises" or "items" or "people" or "visits" => MeasureKind.Count,
        "power" => MeasureKind.Capacity,
        "mass" or "energy" or "volume" when IsCapacity(clauseBefore, clauseAfter) => MeasureKind.Capacity,
        _ => MeasureKind.Level,
    };

    /// <summary>年产2.4万吨, 产能100吉瓦, 2000吨电子级多晶硅项目: what a plant can make. 规模以上 is a size class, not a capacity.</summary>
    private static bool IsCapacity(string clauseBefore, string clauseAfter)
    {
        var before = clauseBefore.Replace("规模以上", "", StringComparison.Ordinal);
        return Lexicon.Capacity.Any(w => before.Contains(w, StringComparison.Ordinal))
            || Lexicon.Plant.Any(w => clauseAfter.Contains(w, StringComparison.Ordinal)) && !clauseAfter.Contains("产量", StringComparison.Ordinal);
    }

    private static MeasureKind[] Compatible(MeasureKind measure) => measure switch
    {
        MeasureKind.GrowthRate => [MeasureKind.GrowthRate],
        MeasureKind.Share or MeasureKind.Rate => [MeasureKind.Share, MeasureKind.Rate],
        MeasureKind.Count => [MeasureKind.Count, MeasureKind.Capacity],
        MeasureKind.Capacity => [MeasureKind.Capacity, MeasureKind.Level, MeasureKind.Count],
        MeasureKind.Level => [MeasureKind.Level, MeasureKind.Capacity, MeasureKind.Intensity],
        _ => [measure],
    };

    /// <summary>
    /// A stock is how much there is at a moment (企业33家, 产能100吉瓦, 利用率95%); a flow is how much happened over a
    /// period (产值, 新增企业5家). The clause's verb decides; an enumeration shares the verb of its sentence; a share
    /// follows the figure it is a share of.
    /// </summary>
    private static bool IsStock(Context c, NumberToken token, MeasureKind measure, IndicatorRow? indicator, (int Start, int End) clause,
        (int Start, int End) sentence, string dimension)
    {
        var reading = c.Reading;
        var inClause = reading[clause.Start..clause.End].Replace("规模以上", "", StringComparison.Ordinal);
        bool Has(string[] words, string text) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
        switch (measure)
        {
            case MeasureKind.Capacity or MeasureKind.Duration:
                return true;
            case MeasureKind.GrowthRate or MeasureKind.ChangePp or MeasureKind.Multiple:
                return false;
            case MeasureKind.Rate:
                return !Has(["完成", "实现"], inClause);
            case MeasureKind.Share:
                if (Has(Lexicon.Capacity, inClause)) return true;
                if (Has(Lexicon.Flow, inClause)) return false;
                var before = c.Tokens.BackFrom(token.Start, sentence.Start).FirstOrDefault(t => t.End <= token.Start);
                return before is not null && c.Stocks.TryGetValue(before, out var stock) && stock;
        }
        if (measure is MeasureKind.Count)
        {
            // The verb before the count governs it (新增企业15户, 指导8家…企业); an enumeration shares the verb of its
            // sentence, across ；(新认定高新技术企业15户，省级科技型企业38户；…研发中心3个).
            var clauseBefore = reading[clause.Start..token.Start];
            if (Has(Lexicon.Stock, clauseBefore)) return true;
            if (Has(Lexicon.Flow, clauseBefore)) return false;
            var clauseAfter = reading[token.End..clause.End];
            if (Has(Lexicon.Flow, clauseAfter)) return false;
            if (clauseAfter.Length > 2) return true;
            var enumeration = reading[c.Segments.FullSentenceStart(token.Start)..token.Start];
            if (Has(Lexicon.Flow, enumeration) && !Has(Lexicon.Stock, enumeration[LastIndexOfAny(enumeration, Lexicon.Flow)..])) return false;
            return true;
        }
        if (Has(Lexicon.Stock, inClause)) return true;
        if (Has(Lexicon.Flow, inClause) || Has(Lexicon.FlowNouns, inClause)) return false;
        if (indicator is { Aggregation: Aggregation.None } && measure is MeasureKind.Level) return true;
        return dimension is "area" or "land_mu";
    }

    private static int LastIndexOfAny(string text, string[] words) => words.Max(w => text.LastIndexOf(w, StringComparison.Ordinal) is var i and >= 0 ? i : 0);

    /// <summary>
    /// The period of a figure: the nearest time expression before it in its sentence (or after it in its clause: 2025年的
    /// 1200亿元), else the one carried from earlier in the report; then what the figure is (a stock or a flow, an average,
    /// a target) decides the kind.
    /// </summary>
    private static (PeriodKind Kind, DateOnly Start, DateOnly End)? Period(Context c, NumberToken token, (int Start, int End) sentence,
        bool isStock, bool average, bool cumulative, bool target, List<CandidateNote> notes)
    {
        var block = c.BlockAt(token.Start);
        var inSentence = c.Anchors.Between(sentence.Start, token.Start).Where(a => a.End <= token.Start).ToList();
        var anchor = inSentence.LastOrDefault()
            ?? c.Anchors.Between(token.End, token.End + 7).FirstOrDefault(a => a.End <= c.Segments.ClauseAt(token.Start).End)
            ?? Carried(c, sentence.Start, block, isStock);
        var now = c.Dates.Now;
        // 累计 with no period of its own and none of a plan: a running total to the report's date, whose start is not stated.
        if (cumulative && !isStock && anchor?.Plan is null && inSentence.Count == 0 && now is { } runningTo && !average && !target)
            return Point(runningTo);
        if (anchor is null)
        {
            // A stock with no period stated is read as of the report's date, and says so.
            if (isStock && now is { } reportDay && !target)
            {
                notes.Add(CandidateNote.PointAtReportDate);
                return Point(reportDay);
            }
            notes.Add(CandidateNote.PeriodNotStated);
            return null;
        }
        if (anchor.Year == -1)
        {
            // 全年 and 年末 take the year of the expression before them, unless that was a goal's.
            var year = c.Anchors.BackFrom(anchor.Start).FirstOrDefault(a => a.Year > 0 && !IsGoal(c, a))?.Year ?? now?.Year ?? 0;
            anchor = anchor with { Year = year, YearStated = year != now?.Year };
        }
        if (!anchor.YearStated && anchor.Year != 0 && !c.AnyYearStated) notes.Add(CandidateNote.YearFromReportDate);
        if (anchor.Year == 0 && anchor.Plan is null)
        {
            notes.Add(CandidateNote.ReportDateUnknown);
            return null;
        }

        // 年均: an average over the years the sentence or the plan spans.
        if (average)
        {
            var span = AverageSpan(c, anchor, sentence, now);
            if (span is null) { notes.Add(CandidateNote.PeriodNotStated); return null; }
            return (PeriodKind.AnnualAverage, span.Value.Start, span.Value.End);
        }
        if (target)
        {
            var year = anchor.Plan is { } plan ? plan.EndYear : anchor.Kind == AnchorKind.Span ? anchor.EndYear : anchor.Year;
            if (anchor.Plan is { } p && cumulative) return (PeriodKind.Target, p.Start, p.End);
            return (PeriodKind.Target, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        switch (anchor.Kind)
        {
            case AnchorKind.Year:
                if (!isStock) return (PeriodKind.Year, new DateOnly(anchor.Year, 1, 1), new DateOnly(anchor.Year, 12, 31));
                return Point(now is { } n && n.Year == anchor.Year ? n : new DateOnly(anchor.Year, 12, 31));
            case AnchorKind.YearToMonth:
                var monthEnd = new DateOnly(anchor.Year, anchor.Month, DateTime.DaysInMonth(anchor.Year, anchor.Month));
                return isStock ? Point(monthEnd) : (PeriodKind.YtdMonth, new DateOnly(anchor.Year, 1, 1), monthEnd);
            case AnchorKind.HalfYear:
                var (from, to) = anchor.Month == 1 ? (new DateOnly(anchor.Year, 1, 1), new DateOnly(anchor.Year, 6, 30))
                    : (new DateOnly(anchor.Year, 7, 1), new DateOnly(anchor.Year, 12, 31));
                return isStock ? Point(to) : (PeriodKind.HalfYear, from, to);
            case AnchorKind.Quarter:
                var quarterStart = new DateOnly(anchor.Year, anchor.Month, 1);
                var quarterEnd = quarterStart.AddMonths(3).AddDays(-1);
                return isStock ? Point(quarterEnd) : (PeriodKind.Quarter, quarterStart, quarterEnd);
            case AnchorKind.YearSoFar:
                if (now is not { } today) { notes.Add(CandidateNote.ReportDateUnknown); return null; }
                if (isStock) return Point(today);
                var lastMonthEnd = LastMonthEnd(today);
                if (lastMonthEnd.Year != anchor.Year) return Point(today);
                return lastMonthEnd.Month == 12 ? (PeriodKind.Year, new DateOnly(anchor.Year, 1, 1), lastMonthEnd)
                    : (PeriodKind.YtdMonth, new DateOnly(anchor.Year, 1, 1), lastMonthEnd);
            case AnchorKind.Date:
                var date = new DateOnly(anchor.Year, anchor.Month, anchor.Day);
                if (isStock || date.AddDays(1).Day != 1) return Point(date);
                return date.Month == 12 ? (PeriodKind.Year, new DateOnly(date.Year, 1, 1), date) : (PeriodKind.YtdMonth, new DateOnly(date.Year, 1, 1), date);
            case AnchorKind.Now:
                if (now is not { } asOf) { notes.Add(CandidateNote.ReportDateUnknown); return null; }
                return Point(asOf);
            case AnchorKind.PlanDuring:
                if (isStock) return Point(Min(now, anchor.Plan!.End));
                return (PeriodKind.PlanCumulative, anchor.Plan!.Start, anchor.Plan.End);
            case AnchorKind.PlanSince:
                if (now is not { } until) { notes.Add(CandidateNote.ReportDateUnknown); return null; }
                return isStock ? Point(Min(until, anchor.Plan!.End)) : PlanSoFar(anchor.Plan!, until);
            case AnchorKind.PlanEnd:
                return isStock ? Point(anchor.Plan!.End) : (PeriodKind.Year, new DateOnly(anchor.Plan!.EndYear, 1, 1), anchor.Plan.End);
            case AnchorKind.Span:
                if (isStock) return Point(Min(now, new DateOnly(anchor.EndYear, 12, 31)));
                var spanPlan = PlanPeriod.All.FirstOrDefault(p => p.StartYear == anchor.Year && anchor.EndYear <= p.EndYear);
                if (spanPlan is not null)
                    return anchor.EndYear == spanPlan.EndYear ? (PeriodKind.PlanCumulative, spanPlan.Start, spanPlan.End)
                        : (PeriodKind.PlanToDate, spanPlan.Start, new DateOnly(anchor.EndYear, 12, 31));
                notes.Add(CandidateNote.PeriodNotSupported);
                return null;
            default:
                notes.Add(CandidateNote.PeriodNotSupported);
                return null;
        }
    }

    private static (PeriodKind, DateOnly, DateOnly) Point(DateOnly date) => (PeriodKind.Point, date, date);

    private static DateOnly Min(DateOnly? a, DateOnly b) => a is { } d && d < b ? d : b;

    private static DateOnly LastMonthEnd(DateOnly day) =>
        day.AddDays(1).Day == 1 ? day : new DateOnly(day.Year, day.Month, 1).AddDays(-1);

    /// <summary>A plan from its start to the report's date: the whole plan once the report is in its last year.</summary>
    private static (PeriodKind, DateOnly, DateOnly) PlanSoFar(PlanPeriod plan, DateOnly until) =>
        until.Year >= plan.EndYear ? (PeriodKind.PlanCumulative, plan.Start, plan.End) : (PeriodKind.PlanToDate, plan.Start, until);

    private static (DateOnly Start, DateOnly End)? AverageSpan(Context c, TimeAnchor anchor, (int Start, int End) sentence, DateOnly? now)
    {
        var inSentence = c.Anchors.Between(sentence.Start, sentence.End).ToList();
        if (anchor.Plan is null && Carried(c, sentence.Start, c.BlockAt(sentence.Start), false) is { Plan: not null } frame
            && !inSentence.Any(a => a.Kind == AnchorKind.Year && a.FromBase))
            anchor = frame;
        if (anchor.Plan is { } plan)
            return anchor.Kind == AnchorKind.PlanSince && now is { } n && n < plan.End ? (plan.Start, n) : (plan.Start, plan.End);
        if (anchor.Kind == AnchorKind.Span) return (new DateOnly(anchor.Year, 1, 1), new DateOnly(anchor.EndYear, 12, 31));
        var years = inSentence.Where(a => a.Kind == AnchorKind.Year && a.Year > 0).ToList();
        if (years.Count >= 2)
        {
            var first = years[0];
            var last = years[^1];
            var start = first.FromBase ? first.Year + 1 : first.Year;
            if (last.Year > start) return (new DateOnly(start, 1, 1), new DateOnly(last.Year, 12, 31));
        }
        var planContext = PlanOf(c, sentence.Start, null);
        return planContext is null ? null : (planContext.Start, planContext.End);
    }

    /// <summary>
    /// The expression carried into a sentence that has none: the last one before it in its paragraph; else the last
    /// reporting frame (a plan, the year so far, January to a month, a half year) that opened a sentence earlier in its
    /// news item. A single year or a date said in passing (2023年，园区被认定为…) does not carry to later paragraphs.
    /// </summary>
    private static TimeAnchor? Carried(Context c, int sentenceStart, Block? block, bool isStock)
    {
        var paragraph = c.ParagraphOf(sentenceStart);
        // 目前 dates the stocks after it in its paragraph; a flow there still belongs to the report's frame.
        // A goal's date (力争到“十四五”末) dates nothing after it.
        var inParagraph = c.Anchors.BackFrom(sentenceStart, paragraph).FirstOrDefault(a => a.End <= sentenceStart && (isStock || a.Kind != AnchorKind.Now)
            && a.Kind != AnchorKind.PlanEnd && !IsGoal(c, a));
        if (inParagraph is not null) return inParagraph;
        return c.Anchors.BackFrom(sentenceStart, block?.ItemStart ?? 0).FirstOrDefault(a => a.End <= sentenceStart && IsFrame(c, a) && OpensSentence(c, a));
    }

    /// <summary>Whether a time expression dates a goal (力争到2027年…): it says nothing of the figures after it.</summary>
    private static bool IsGoal(Context c, TimeAnchor a)
    {
        var (start, _) = c.Segments.SentenceAt(a.Start);
        var before = c.Reading[start..a.Start];
        return Lexicon.TargetBefore.Any(w => before.Contains(w, StringComparison.Ordinal)) || before.EndsWith('到') || before.EndsWith("到“", StringComparison.Ordinal);
    }

    /// <summary>
    /// What frames the report's later paragraphs: a plan or the year so far wherever it opens a sentence; January to a
    /// month or a half year only where it opens a paragraph (上半年，… said mid-paragraph is about that paragraph).
    /// </summary>
    private static bool IsFrame(Context c, TimeAnchor a) => a.Kind switch
    {
        AnchorKind.PlanDuring or AnchorKind.PlanSince or AnchorKind.YearSoFar => true,
        AnchorKind.YearToMonth or AnchorKind.HalfYear or AnchorKind.Quarter => c.ParagraphOf(a.Start) == c.Segments.SentenceAt(a.Start).Start,
        _ => false,
    };

    private static bool OpensSentence(Context c, TimeAnchor a)
    {
        var (start, _) = c.Segments.SentenceAt(a.Start);
        var lead = c.Reading[start..a.Start];
        return lead.Length <= 4 && !lead.Any(char.IsAsciiDigit);
    }

    /// <summary>The five-year plan the report is speaking of at <paramref name="at"/>: the last plan expression before it in its news item.</summary>
    private static PlanPeriod? PlanOf(Context c, int at, Block? block) =>
        c.Anchors.BackFrom(at, block?.ItemStart ?? 0).FirstOrDefault(a => a.Plan is not null && a.End <= at)?.Plan;

    /// <summary>
    /// Whose figure it is: an enterprise named before it in its sentence (not as one example of a group), else a park
    /// that leads a clause before it in its sentence or paragraph (开发区完成…; not 组织申报西宁市重大科技专项, not 占开发区比重),
    /// else the report's main park.
    /// </summary>
    private static Mention? Subject(Context c, NumberToken token, (int Start, int End) sentence, List<CandidateNote> notes)
    {
        var paragraph = c.ParagraphOf(token.Start);
        var before = c.Mentions.Between(Math.Min(paragraph, sentence.Start), token.Start).Where(m => !m.IsReference && m.End <= token.Start).ToList();
        var enterprise = before.LastOrDefault(m => m.Enterprise is not null && !m.IsExample && m.Start >= sentence.Start);
        var park = before.LastOrDefault(m => m.Enterprise is null && !m.IsGeneric && m.Start >= sentence.Start && LeadsClause(c, m));
        if (enterprise is not null && (park is null || enterprise.Start > park.Start)) return enterprise;
        if (park is not null) return park;
        var earlier = before.LastOrDefault(m => m.Enterprise is null && !m.IsGeneric && m.Start >= paragraph && LeadsClause(c, m));
        if (earlier is not null) return earlier;
        if (c.MainPark is null)
        {
            notes.Add(CandidateNote.SubjectNotStated);
            return null;
        }
        if (c.ParksNamed > 1) notes.Add(CandidateNote.SubjectFromReport);
        return new Mention(token.Start, token.Start, c.MainPark, null, false, IsGeneric: true);
    }

    /// <summary>A park is a clause's subject when at most two characters (在, 西宁) stand before it in the clause, time expressions aside.</summary>
    private static bool LeadsClause(Context c, Mention m)
    {
        var (start, _) = c.Segments.ClauseAt(m.Start);
        var lead = c.Reading[start..m.Start].ToCharArray();
        foreach (var a in c.Anchors.Between(start - 40, m.Start).Where(a => a.End > start))
            for (var i = Math.Max(a.Start, start); i < Math.Min(a.End, m.Start); i++) lead[i - start] = ' ';
        var text = new string(lead).Replace(" ", "", StringComparison.Ordinal).Trim('“', '”', '"');
        foreach (var opener in Lexicon.Openers)
            if (text.StartsWith(opener, StringComparison.Ordinal)) text = text[opener.Length..];
        return text.Length <= 2;
    }

    /// <summary>
    /// 东川、甘河园区分别完成…100亿元、200亿元: the numbers after 分别 go, in order, with the subjects listed before it, or
    /// with the years listed before it, or with the years of the plan the sentence speaks of when there are as many.
    /// </summary>
    private static Dictionary<NumberToken, (Mention? Subject, int? Year)> Respectively(Context c)
    {
        var result = new Dictionary<NumberToken, (Mention?, int?)>();
        var reading = c.Reading;
        for (var at = reading.IndexOf("分别", StringComparison.Ordinal); at >= 0; at = reading.IndexOf("分别", at + 2, StringComparison.Ordinal))
        {
            var sentence = c.Segments.SentenceAt(at);
            var group = c.Tokens.Between(at + 1, sentence.End).ToList();
            if (group.Count < 2) continue;
            var listed = c.Mentions.Between(sentence.Start, at).Where(m => m.End <= at && !m.IsGeneric && !m.IsReference).ToList();
            var years = c.Anchors.Between(sentence.Start, at).Where(a => a.End <= at && a.Kind == AnchorKind.Year && a.Year > 0).ToList();
            var governing = c.Anchors.BackFrom(at, c.BlockAt(at)?.ItemStart ?? 0).FirstOrDefault(a => a.End <= at && a.Plan is not null);
            for (var i = 0; i < group.Count; i++)
            {
                Mention? subject = listed.Count == group.Count ? listed[i] : null;
                int? year = subject is null && years.Count == group.Count ? years[i].Year
                    : subject is null && listed.Count < 2 && governing?.Plan is { } plan && plan.EndYear - plan.StartYear + 1 == group.Count ? plan.StartYear + i
                    : null;
                result[group[i]] = (subject, year);
            }
        }
        return result;
    }

    /// <summary>
    /// The words naming what a number measures: its clause before the number, without time expressions, subjects, verbs
    /// and qualifiers. A clause that holds only 分别为 or 增长 takes the words of the clause before it.
    /// </summary>
    private static (string Phrase, bool FromContext) Phrase(Context c, NumberToken token, (int Start, int End) clause, int segmentStart,
        Dictionary<NumberToken, Named> phrases)
    {
        var phrase = Clean(c, segmentStart, token.Start);
        if (phrase.Length > 0 && !IsOnlyVerb(phrase)) return (phrase, false);
        if (segmentStart > clause.Start)
        {
            // 9宗919亩: the second number of a clause shares the words before the first.
            var earlier = c.Tokens.BackFrom(segmentStart, clause.Start).FirstOrDefault(t => t.End <= segmentStart);
            if (earlier is not null && phrases.TryGetValue(earlier, out var shared)) return (shared.Phrase, true);
        }
        if (c.Segments.PreviousClause(token.Start) is { } previousClause && !c.Tokens.Between(previousClause.Start, previousClause.End).Any())
        {
            var fromPrevious = Clean(c, previousClause.Start, previousClause.End);
            if (fromPrevious.Length > 0) return (fromPrevious, true);
        }
        // 35吉瓦单晶硅: the words after the unit name the product.
        var after = c.Reading[token.End..Math.Min(clause.End, token.End + 12)];
        var stop = after.IndexOfAny(['、', '，', ',', '等', '项', '和']);
        var product = stop >= 0 ? after[..stop] : after;
        return (phrase.Length > 0 ? phrase + product : product, false);
    }

    private static readonly string[] TrailingWords = [.. Lexicon.LinkingWords.Concat(Lexicon.ApproxBefore).Concat(Lexicon.OverBefore)
        .Concat(Lexicon.UnderBefore).Concat(Lexicon.Forecast).Distinct().OrderByDescending(w => w.Length)];

    private static bool IsOnlyVerb(string phrase) => IsBare(phrase) || phrase is "分别";

    /// <summary>增长, 年均增长, 比同期提高, 占比: words that say how a figure relates to the one before it, and name nothing.</summary>
    private static bool IsBare(string phrase)
    {
        var rest = phrase;
        foreach (var w in BareWords) rest = rest.Replace(w, "", StringComparison.Ordinal);
        return rest.Length == 0;
    }

    private static readonly string[] BareWords = [.. Lexicon.Average.Concat(Lexicon.Growth).Concat(Lexicon.Share)
        .Concat(["比同期", "较同期", "同期", "比上年", "较上年", "保持在", "保持", "达到", "达", "为", "了"]).Distinct().OrderByDescending(w => w.Length)];

    private static string Clean(Context c, int start, int end)
    {
        var reading = c.Reading;
        var chars = reading[start..end].ToCharArray();
        foreach (var a in c.Words.Between(start - 40, end).Where(a => a.End > start))
            for (var i = Math.Max(a.Start, start); i < Math.Min(a.End, end); i++) chars[i - start] = ' ';
        foreach (var m in c.Mentions.Between(start - 80, end).Where(m => m.End > start && !m.IsReference))
            for (var i = Math.Max(m.Start, start); i < Math.Min(m.End, end); i++) chars[i - start] = ' ';
        var text = new string(chars);
        // What stands before the last gap left by a time expression or subject is context, not the indicator's name.
        var gap = text.LastIndexOf(' ');
        if (gap >= 0 && gap < text.Length - 1) text = text[(gap + 1)..];
        text = text.Trim().Trim('“', '”', '‘', '’', '"', '(', ')', '（', '）', '、', '—', '·', ' ');
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var w in Lexicon.Openers)
                if (text.StartsWith(w, StringComparison.Ordinal) && text.Length > w.Length) { text = text[w.Length..]; changed = true; }
            // Longest first (不到 before 到); a word that is most of the name stays (资产总计 is not 资产 + 总计).
            foreach (var w in TrailingWords)
                if (text.EndsWith(w, StringComparison.Ordinal) && text.Length - w.Length >= 3) { text = text[..^w.Length]; changed = true; }
            foreach (var w in new[] { "逐步提高", "逐年提高", "不断提高", "持续提高", "稳步提升", "逐年增长", "持续增长", "不断增长", "大幅提升" })
                if (text.EndsWith(w, StringComparison.Ordinal)) { text = text[..^w.Length]; changed = true; }
            text = text.Trim().Trim('“', '”', '、', ',', '，');
        }
        return text;
    }

    private static string Shorten(string name) => name.Length > 40 ? name[..40] : name;

    private static string NewUnitDimension(string unitText) => "new:" + unitText;

    private static string Opening(string reading, int start)
    {
        var end = Math.Min(reading.Length, start + 30);
        return reading[start..end].Replace('\n', ' ').Trim();
    }

    private string? MainPark(List<Mention> mentions, Positioned<Block> blocks)
    {
        var counted = mentions.Where(m => !m.IsGeneric && !m.IsReference && m.Enterprise is null && subjects.IsZoneOrPark(m)
                && BlockAt(blocks, m.Start)?.Relevant == true)
            .GroupBy(m => m.ParkCode)
            .Select(g => (Park: g.Key, Count: g.Count(), First: g.Min(m => m.Start)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.First).ToList();
        return counted.Count > 0 ? counted[0].Park : catalog.Parks.Count == 1 ? catalog.Parks[0].Code : null;
    }

    /// <summary>A run of paragraphs under one title; <paramref name="ItemStart"/> is where its news item begins.</summary>
    private sealed record Block(int Start, int End, int ItemStart, bool Relevant);

    private static Block? BlockAt(Positioned<Block> blocks, int index) => blocks.BackFrom(index + 1).FirstOrDefault(b => index < b.End);

    /// <summary>
    /// A newspaper page holds several items. The text splits at titles (short lines without a comma, or # headings);
    /// a block is about the report's subject when it names a park, zone or enterprise of the catalog, or when it
    /// continues such a block without opening a news item of its own (本报讯, 本报记者 …).
    /// </summary>
    private List<Block> Blocks(ReportText report, List<Mention> mentions)
    {
        var reading = report.Reading;
        var starts = new List<int> { 0 };
        var paragraphs = report.ParagraphStarts;
        for (var i = 1; i < paragraphs.Count; i++)
        {
            var end = i + 1 < paragraphs.Count ? paragraphs[i + 1] : reading.Length;
            var text = reading[paragraphs[i]..end].Trim();
            var isTitle = text.StartsWith('#') || (text.Length is > 1 and <= 40 && text.IndexOfAny(['，', ',', '。', '；', ';']) < 0);
            if (isTitle && starts[^1] != paragraphs[i]) starts.Add(paragraphs[i]);
        }
        var positioned = new Positioned<Mention>(mentions, m => m.Start);
        var blocks = new List<Block>();
        var itemStart = 0;
        bool? previousRelevant = null;
        bool OpensItem(int i)
        {
            var start = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : reading.Length;
            var head = reading[start..Math.Min(end, start + 120)];
            // A title, or a title and a photo credit, belongs to the item whose byline follows it.
            return Lexicon.NewsItemMarkers.Any(w => head.Contains(w, StringComparison.Ordinal))
                || (end - start <= 60 && i + 1 < starts.Count && OpensItem(i + 1));
        }
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : reading.Length;
            var opensItem = i == 0 || OpensItem(i);
            if (opensItem) itemStart = start;
            var names = positioned.Between(start, end).Any(m => m.End <= end && !m.IsGeneric && subjects.IsZoneOrPark(m));
            var relevant = names || (!opensItem && previousRelevant == true);
            blocks.Add(new Block(start, end, itemStart, relevant));
            previousRelevant = relevant;
        }
        return blocks.All(b => !b.Relevant) ? [.. blocks.Select(b => b with { Relevant = true })] : blocks;
    }
}
