using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Checks;

/// <summary>A figure's place in a finding: its index in <see cref="FigureSet.Figures"/> and its role.</summary>
public readonly record struct RawRole(int Index, FigureRole Role);

/// <summary>
/// A finding before it is written out: the figures by index, the judged figure (<see cref="Focus"/>), and what the rule
/// expects of it against what it reads as, both in the base unit of the judged figure's dimension (% for rates and shares).
/// </summary>
/// <param name="Word">The trend word a text used (逐步提高), for <see cref="CheckRule.Trend"/>.</param>
/// <param name="Partial">Only some components or years were reported: the expectation is a lower end, not a sum.</param>
/// <param name="Point">What the rule expects computed from the numbers as printed (the centre of <see cref="Expected"/>'s reading).</param>
/// <param name="Years">For average growth and targets: the years the rate runs over; for parks in a zone, how many parks.</param>
public sealed record RawFinding(CheckRule Rule, Severity Severity, IReadOnlyList<RawRole> Figures, int Focus, Bounds Expected, Bounds Reported, double Point,
    string? Word = null, bool Partial = false, int Years = 0);

/// <summary>
/// The rules, run over every park, enterprise and period a <see cref="FigureSet"/> holds, with the relationships of a
/// <see cref="CheckCatalog"/>. Each compares what the figures can stand for (their <see cref="Bounds"/>), so a relation
/// that holds within the rounding of the printed digits and the lean of the qualifiers is silent. Figures of one period
/// from several reports are taken together (their hull): a rule speaks only when no choice among the reports agrees, and
/// <see cref="CheckRule.SameFigure"/> says where the reports disagree with each other. A mix of forecasts and actuals is a
/// note at most: a forecast may miss. Pure and read-only: it sees copies of the figures and changes none.
/// </summary>
public sealed class ConsistencyRules(FigureSet set, CheckCatalog catalog, Func<int, string?>? sourceText = null, Func<long, string?>? quoteOf = null)
{
    private readonly CheckFigure[] f = set.Figures;
    private readonly List<RawFinding> findings = [];

    /// <summary>Words that describe a series as rising, and as falling.</summary>
    public static readonly IReadOnlyList<string> RisingWords =
        ["逐步提高", "逐年提高", "逐年增长", "逐年上升", "逐年增加", "逐步提升", "逐年提升", "逐年攀升", "稳步提升", "稳步增长", "稳步上升", "持续增长",
         "持续提升", "持续上升", "持续提高", "不断提高", "不断提升", "连年增长", "节节攀升"];
    public static readonly IReadOnlyList<string> FallingWords = ["逐年下降", "逐年减少", "逐年降低", "逐步下降", "逐步降低", "持续下降", "持续减少", "不断下降"];

    public IReadOnlyList<RawFinding> Run()
    {
        foreach (var r in catalog.Relationships)
        {
            switch (r.Kind)
            {
                case RelationshipKind.Share: Share(r); break;
                case RelationshipKind.Subset: Subset(r); break;
                case RelationshipKind.Growth: Growth(r); break;
                case RelationshipKind.PlanTotal: PlanTotal(r.IndicatorId); PartOfYear(r.IndicatorId); break;
            }
        }
        foreach (var total in catalog.Relationships.Where(r => r.Kind == RelationshipKind.Component).GroupBy(r => r.IndicatorId))
            Components(total.Key, [.. total.Select(r => r.PartId!.Value).Distinct()]);
        foreach (var level in catalog.Relationships.Where(r => r.Kind == RelationshipKind.Growth && r.PartId is not null).GroupBy(r => r.PartId!.Value))
            Target(level.Key, [.. level.Select(r => r.IndicatorId).Distinct()]);
        Trends();
        SameFigures();
        ParksInZones();
        return findings;
    }

    private static IEnumerable<RawRole> Roles(FigureRange run, FigureRole role) => run.Indices.Select(i => new RawRole(i, role));

    /// <summary>A mix of forecasts and actuals can only be noted: the forecast may simply have missed.</summary>
    private Severity Graded(Severity severity, IEnumerable<RawRole> figures)
    {
        bool any = false, all = true;
        foreach (var r in figures)
        {
            if (f[r.Index].IsForecast) any = true;
            else all = false;
        }
        return any && !all ? Severity.Note : severity;
    }

    private void Add(CheckRule rule, Severity severity, List<RawRole> figures, int focus, Bounds expected, Bounds reported, double point,
        string? word = null, bool partial = false, int years = 0, bool graded = true) =>
        findings.Add(new RawFinding(rule, graded ? Graded(severity, figures) : severity, figures, focus, expected, reported, point, word, partial, years));

    private FigureRange SamePeriodIn(int indicator, CheckFigure like, int? park = null, int? enterprise = null) =>
        set.Period(set.Series(indicator, park ?? like.Park, enterprise ?? like.Enterprise), like.Kind, like.Start, like.End);

    // ---- parts and totals -------------------------------------------------------------------------------------------

    private void Components(int totalId, IReadOnlyList<int> partIds)
    {
        foreach (var total in set.Periods(set.OfIndicator(totalId)))
        {
            var t = f[total.Start];
            var parts = partIds.Select(p => SamePeriodIn(p, t)).ToList();
            var present = parts.Where(p => !p.IsEmpty).ToList();
            if (present.Count == 0) continue;
            var sum = present.Aggregate(Bounds.Exactly(0), (s, p) => s + set.Hull(p));
            var reported = set.Hull(total);
            var complete = present.Count == parts.Count;
            if (complete ? sum.Meets(reported) : !Bounds.Below(reported, sum)) continue;
            List<RawRole> figures = [.. Roles(total, FigureRole.Total), .. present.SelectMany(p => Roles(p, FigureRole.Component))];
            Add(CheckRule.Components, Severity.Contradiction, figures, total.Start,
                complete ? sum : new Bounds(sum.Low, double.PositiveInfinity), reported, present.Sum(set.Value), partial: !complete);
        }
    }

    private void Subset(CheckRelationship r)
    {
        foreach (var whole in set.Periods(set.OfIndicator(r.IndicatorId)))
        {
            var part = SamePeriodIn(r.PartId!.Value, f[whole.Start]);
            if (part.IsEmpty) continue;
            var (w, p) = (set.Hull(whole), set.Hull(part));
            if (!Bounds.Below(w, p)) continue;
            Add(CheckRule.Subset, Severity.Contradiction, [.. Roles(whole, FigureRole.Whole), .. Roles(part, FigureRole.Part)], whole.Start,
                new Bounds(p.Low, double.PositiveInfinity), w, set.Value(part));
        }
    }

    // ---- shares -----------------------------------------------------------------------------------------------------

    private void Share(CheckRelationship r)
    {
        var partIndicator = catalog.Indicators[r.PartId!.Value];
        var rule = partIndicator.Measure == MeasureKind.Count ? CheckRule.CountShare : CheckRule.Share;
        foreach (var shareRun in set.Periods(set.OfIndicator(r.IndicatorId)))
        {
            var s = f[shareRun.Start];
            var share = set.Hull(shareRun);
            var part = SamePeriodIn(r.PartId.Value, s);
            if (part.IsEmpty) continue;
            var p = set.Hull(part);
            if (r.BaseId is { } baseId)
            {
                var baseRun = BaseOf(r, baseId, s);
                if (baseRun.IsEmpty || p.DividedBy(set.Hull(baseRun)) is not { } ratio) continue;
                var computed = ratio.Times(100);
                if (computed.Meets(share)) continue;
                Add(rule, Severity.Contradiction, [.. Roles(shareRun, FigureRole.Share), .. Roles(part, FigureRole.Part), .. Roles(baseRun, FigureRole.Base)],
                    shareRun.Start, computed, share, set.Value(part) / set.Value(baseRun) * 100);
            }
            else if (rule == CheckRule.CountShare && share.Low > 0 && !double.IsInfinity(share.High) && p.Low >= 0)
            {
                // No count of the whole is known: a share of whole items is still some whole count divided into the part.
                var totals = new Bounds(Math.Max(p.Low, p.Low / (share.High / 100)), p.High / (share.Low / 100));
                if (HoldsWholeNumber(totals)) continue;
                Add(rule, Severity.Implausible, [.. Roles(shareRun, FigureRole.Share), .. Roles(part, FigureRole.Part)], shareRun.Start, totals, share,
                    set.Value(part) / set.Value(shareRun) * 100);
            }
        }
    }

    private static bool HoldsWholeNumber(Bounds b) =>
        double.IsInfinity(b.High) || Math.Floor(b.High + 1e-9 * Math.Max(1, Math.Abs(b.High))) >= Math.Ceiling(b.Low - 1e-9 * Math.Max(1, Math.Abs(b.Low)));

    /// <summary>
    /// The share's denominator: the base indicator's figure for the same period, of the share's park, its parent or the park
    /// named; for a stock (a count, a capacity) reported only at a point, its figure at the end of the share's period.
    /// </summary>
    private FigureRange BaseOf(CheckRelationship r, int baseId, CheckFigure share)
    {
        var park = r.BaseParkId ?? (r.BaseOnParent ? catalog.Parks.GetValueOrDefault(share.Park)?.ParentId : share.Park);
        if (park is not { } basePark) return default;
        var enterprise = basePark == share.Park ? share.Enterprise : 0;
        var series = set.Series(baseId, basePark, enterprise);
        var same = set.Period(series, share.Kind, share.Start, share.End);
        if (!same.IsEmpty || catalog.Indicators[baseId].Measure is not (MeasureKind.Count or MeasureKind.Capacity)) return same;
        return set.Period(series, PeriodKind.Point, share.End, share.End);
    }

    // ---- growth -----------------------------------------------------------------------------------------------------

    private void Growth(CheckRelationship r)
    {
        var levelId = r.PartId!.Value;
        foreach (var growthRun in set.Periods(set.OfIndicator(r.IndicatorId)))
        {
            var g = f[growthRun.Start];
            var growth = set.Hull(growthRun);
            if (g.Kind is PeriodKind.Year or PeriodKind.YtdMonth or PeriodKind.HalfYear)
            {
                var series = set.Series(levelId, g.Park, g.Enterprise);
                var later = set.Period(series, g.Kind, g.Start, g.End);
                var earlier = set.Period(series, g.Kind, YearBefore(g.Start), YearBefore(g.End));
                if (later.IsEmpty || earlier.IsEmpty) continue;
                if (set.Hull(later).DividedBy(set.Hull(earlier)) is not { } ratio) continue;
                var computed = ratio.Map(x => (x - 1) * 100);
                if (computed.Meets(growth)) continue;
                Add(CheckRule.Growth, Severity.Implausible,
                    [.. Roles(growthRun, FigureRole.Growth), .. Roles(earlier, FigureRole.Earlier), .. Roles(later, FigureRole.Later)], growthRun.Start, computed, growth,
                    (set.Value(later) / set.Value(earlier) - 1) * 100);
            }
            else if (g.Kind == PeriodKind.AnnualAverage && g.Start.Month == 1 && g.Start.Day == 1 && g.End.Month == 12 && g.End.Day == 31)
            {
                var years = g.End.Year - g.Start.Year + 1;
                var series = set.Series(levelId, g.Park, g.Enterprise);
                var earlier = YearRun(series, g.Start.Year - 1);
                var later = YearRun(series, g.End.Year);
                if (later.IsEmpty || earlier.IsEmpty) continue;
                if (set.Hull(later).DividedBy(set.Hull(earlier)) is not { } ratio) continue;
                var computed = ratio.Map(x => (Math.Pow(x, 1.0 / years) - 1) * 100);
                if (computed.Meets(growth)) continue;
                Add(CheckRule.AverageGrowth, Severity.Implausible,
                    [.. Roles(growthRun, FigureRole.Growth), .. Roles(earlier, FigureRole.Earlier), .. Roles(later, FigureRole.Later)], growthRun.Start,
                    computed, growth, (Math.Pow(set.Value(later) / set.Value(earlier), 1.0 / years) - 1) * 100, years: years);
            }
        }
    }

    /// <summary>The same span a year earlier; a month's end stays a month's end (29 February 2024 ← 28 February 2023).</summary>
    public static DateOnly YearBefore(DateOnly d)
    {
        var monthEnd = d.AddDays(1).Day == 1;
        var before = d.AddYears(-1);
        return monthEnd ? new DateOnly(before.Year, before.Month, DateTime.DaysInMonth(before.Year, before.Month)) : before;
    }

    private FigureRange YearRun(FigureRange series, int year) => set.Period(series, PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    // ---- flows over time ----------------------------------------------------------------------------------------------

    private void PlanTotal(int indicator)
    {
        foreach (var totalRun in set.Periods(set.OfIndicator(indicator)))
        {
            var t = f[totalRun.Start];
            if (t.Kind is not (PeriodKind.PlanCumulative or PeriodKind.PlanToDate)) continue;
            var series = set.Series(indicator, t.Park, t.Enterprise);
            var lastWholeYear = t.End.Month == 12 && t.End.Day == 31 ? t.End.Year : t.End.Year - 1;
            var first = t.Start.Month == 1 && t.Start.Day == 1 ? t.Start.Year : t.Start.Year + 1;
            var yearRuns = Enumerable.Range(first, Math.Max(0, lastWholeYear - first + 1)).Select(y => YearRun(series, y)).ToList();
            var present = yearRuns.Where(y => !y.IsEmpty).ToList();
            if (present.Count == 0) continue;
            var sum = present.Aggregate(Bounds.Exactly(0), (s, y) => s + set.Hull(y));
            var total = set.Hull(totalRun);
            var complete = present.Count == yearRuns.Count && lastWholeYear == t.End.Year;
            if (complete ? sum.Meets(total) : !Bounds.Below(total, sum)) continue;
            Add(CheckRule.PlanTotal, Severity.Contradiction, [.. Roles(totalRun, FigureRole.Total), .. present.SelectMany(y => Roles(y, FigureRole.Year))],
                totalRun.Start, complete ? sum : new Bounds(sum.Low, double.PositiveInfinity), total, present.Sum(set.Value), partial: !complete, years: present.Count);
        }
    }

    /// <summary>Within a year, a span from January is never more than a longer one from January, nor than the year.</summary>
    private void PartOfYear(int indicator)
    {
        var range = set.OfIndicator(indicator);
        for (var i = range.Start; i < range.End;)
        {
            var s = f[i];
            var seriesEnd = i;
            while (seriesEnd < range.End && f[seriesEnd].Park == s.Park && f[seriesEnd].Enterprise == s.Enterprise) seriesEnd++;
            var fromJanuary = set.Periods(new FigureRange(i, seriesEnd - i))
                .Where(p => f[p.Start].Kind is PeriodKind.Year or PeriodKind.YtdMonth or PeriodKind.HalfYear
                    && f[p.Start].Start.Month == 1 && f[p.Start].Start.Day == 1 && f[p.Start].End.Year == f[p.Start].Start.Year)
                .GroupBy(p => f[p.Start].Start.Year);
            foreach (var year in fromJanuary)
            {
                var spans = year.OrderBy(p => f[p.Start].End).ThenBy(p => f[p.Start].Kind == PeriodKind.Year ? 1 : 0).ToList();
                for (var a = 0; a < spans.Count; a++)
                    for (var b = a + 1; b < spans.Count; b++)
                    {
                        if (f[spans[b].Start].End == f[spans[a].Start].End) continue;
                        var (shorter, longer) = (set.Hull(spans[a]), set.Hull(spans[b]));
                        if (!Bounds.Below(longer, shorter)) continue;
                        List<RawRole> figures = [.. Roles(spans[a], FigureRole.PartOfYear), .. Roles(spans[b], f[spans[b].Start].Kind == PeriodKind.Year ? FigureRole.Year : FigureRole.PartOfYear)];
                        // A forecast of the year below what was already reached is implausible rather than merely a missed forecast.
                        var forecastYear = spans[b].Indices.All(x => f[x].IsForecast) && spans[a].Indices.All(x => !f[x].IsForecast);
                        Add(CheckRule.PartOfYear, forecastYear ? Severity.Implausible : Graded(Severity.Contradiction, figures), figures, spans[b].Start,
                            new Bounds(shorter.Low, double.PositiveInfinity), longer, set.Value(spans[a]), graded: false);
                        break;
                    }
            }
            i = seriesEnd;
        }
    }

    // ---- targets ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// As the plan page computes it (<c>TargetProgress</c>): from the latest yearly value before the target to the target,
    /// the compound growth it takes each year, beside the latest growth rate reported for the level. A note when even the
    /// highest reading of that rate falls short of the lowest rate the target needs.
    /// </summary>
    private void Target(int levelId, IReadOnlyList<int> growthIds)
    {
        foreach (var targetRun in set.Periods(set.OfIndicator(levelId)))
        {
            var t = f[targetRun.Start];
            if (t.Kind != PeriodKind.Target || t.Start.Year != t.End.Year) continue;
            var series = set.Series(levelId, t.Park, t.Enterprise);
            var latest = set.Periods(series).Where(p => f[p.Start].Kind == PeriodKind.Year && f[p.Start].End <= t.End && p.Indices.All(i => !f[i].IsForecast))
                .LastOrDefault();
            if (latest.IsEmpty) continue;
            var (target, level) = (set.Hull(targetRun), set.Hull(latest));
            var years = t.End.Year - f[latest.Start].End.Year;
            if (years <= 0 || !Bounds.Below(level, target) || target.DividedBy(level) is not { } ratio) continue;
            var required = ratio.Map(x => (Math.Pow(x, 1.0 / years) - 1) * 100);
            var growth = growthIds.SelectMany(g => set.Periods(set.Series(g, t.Park, t.Enterprise)))
                .Where(p => p.Indices.All(i => !f[i].IsForecast) && f[p.Start].Kind != PeriodKind.Target && f[p.Start].End <= t.End)
                .OrderBy(p => f[p.Start].End).LastOrDefault();
            if (growth.IsEmpty) continue;
            var reported = set.Hull(growth);
            if (!Bounds.Below(reported, required)) continue;
            Add(CheckRule.Target, Severity.Note,
                [.. Roles(targetRun, FigureRole.Target), .. Roles(latest, FigureRole.Latest), .. Roles(growth, FigureRole.Growth)], growth.Start,
                required, reported, (Math.Pow(set.Value(targetRun) / set.Value(latest), 1.0 / years) - 1) * 100, years: years, graded: false);
        }
    }

    // ---- words against numbers ----------------------------------------------------------------------------------------

    /// <summary>
    /// A series one report gives period by period, in a sentence that calls it rising (逐步提高) or falling: every step must
    /// go that way, within the figures' rounding. Needs the report's text (or a quote that holds the word).
    /// </summary>
    private void Trends()
    {
        if (quoteOf is null) return;
        var groups = Enumerable.Range(0, f.Length)
            .Where(i => f[i].Kind is PeriodKind.Year or PeriodKind.HalfYear or PeriodKind.YtdMonth && quoteOf(f[i].Id) is not null)
            .GroupBy(i => (f[i].Source, f[i].Indicator, f[i].Park, f[i].Enterprise, f[i].Kind))
            .Where(g => g.Count() >= 2);
        foreach (var group in groups)
        {
            var points = group.OrderBy(i => f[i].Start).ToList();
            var word = TrendWord(group.Key.Source, points.Select(i => quoteOf(f[i].Id)));
            if (word is null) continue;
            var rising = RisingWords.Contains(word);
            for (var n = 1; n < points.Count; n++)
            {
                var (before, after) = (f[points[n - 1]].Bounds, f[points[n]].Bounds);
                if (rising ? !Bounds.Below(after, before) : !Bounds.Below(before, after)) continue;
                List<RawRole> figures = [.. points.Select(i => new RawRole(i, FigureRole.InSeries))];
                Add(CheckRule.Trend, Severity.Contradiction, figures, points[n],
                    rising ? new Bounds(before.Low, double.PositiveInfinity) : new Bounds(double.NegativeInfinity, before.High), after, f[points[n - 1]].Value, word: word);
                break;
            }
        }
    }

    /// <summary>The trend word of the sentence that holds the quotes, before them or inside them.</summary>
    private string? TrendWord(int source, IEnumerable<string?> quotes)
    {
        var text = sourceText?.Invoke(source);
        foreach (var quote in quotes.OfType<string>().Distinct())
        {
            var context = quote;
            if (text is not null && text.IndexOf(quote, StringComparison.Ordinal) is var at and >= 0)
            {
                var start = at;
                while (start > 0 && !"。！？!?；;\n".Contains(text[start - 1], StringComparison.Ordinal) && at - start < 200) start--;
                var end = Math.Min(text.Length, at + quote.Length + 8);
                context = text[start..end];
            }
            if (RisingWords.FirstOrDefault(w => context.Contains(w, StringComparison.Ordinal)) is { } up) return up;
            if (FallingWords.FirstOrDefault(w => context.Contains(w, StringComparison.Ordinal)) is { } down) return down;
        }
        return null;
    }

    // ---- across reports -----------------------------------------------------------------------------------------------

    private void SameFigures()
    {
        foreach (var run in set.Periods(new FigureRange(0, f.Length)))
        {
            if (run.Count < 2) continue;
            for (var a = run.Start; a < run.End; a++)
                for (var b = a + 1; b < run.End; b++)
                {
                    if (f[a].Source == f[b].Source || f[a].Bounds.Meets(f[b].Bounds)) continue;
                    var severity = f[a].IsForecast || f[b].IsForecast ? Severity.Note : Severity.Contradiction;
                    Add(CheckRule.SameFigure, severity, [new RawRole(a, FigureRole.Reported), new RawRole(b, FigureRole.Reported)], b,
                        f[a].Bounds, f[b].Bounds, f[a].Value, graded: false);
                }
        }
    }

    /// <summary>For indicators that add up across parks (aggregation sum): a zone's parks together are not more than the zone.</summary>
    private void ParksInZones()
    {
        var zones = catalog.Parks.Values.Where(p => catalog.ChildrenOf(p.Id).Any()).ToList();
        foreach (var indicator in catalog.Indicators.Values.Where(i => i.Aggregation == Aggregation.Sum && i.IsAmount))
            foreach (var zone in zones)
                foreach (var zoneRun in set.Periods(set.Series(indicator.Id, zone.Id, 0)))
                {
                    var z = f[zoneRun.Start];
                    var parks = catalog.ChildrenOf(zone.Id).Select(c => SamePeriodIn(indicator.Id, z, c, 0)).Where(r => !r.IsEmpty).ToList();
                    if (parks.Count == 0) continue;
                    var sum = parks.Aggregate(Bounds.Exactly(0), (s, r) => s + set.Hull(r));
                    var total = set.Hull(zoneRun);
                    if (!Bounds.Below(total, sum)) continue;
                    Add(CheckRule.ParksInZone, Severity.Implausible, [.. Roles(zoneRun, FigureRole.Zone), .. parks.SelectMany(r => Roles(r, FigureRole.ParkInZone))],
                        zoneRun.Start, new Bounds(sum.Low, double.PositiveInfinity), total, parks.Sum(set.Value), years: parks.Count);
                }
    }
}
