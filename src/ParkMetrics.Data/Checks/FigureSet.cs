using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Checks;

/// <summary>
/// One figure as the rules see it: its keys by id (<see cref="Enterprise"/> 0 for the park's own figure) and what it can
/// stand for in its dimension's base unit (<see cref="Bounds"/>, from its printed digits and qualifier).
/// </summary>
/// <param name="Id">The stored figure's id; negative for a candidate row.</param>
/// <param name="Value">The number as printed, in the base unit: the centre the rules compute their expectations from.</param>
public readonly record struct CheckFigure(long Id, int Park, int Enterprise, int Indicator, PeriodKind Kind, DateOnly Start, DateOnly End,
    int Source, Qualifier Qualifier, double Value, Bounds Bounds)
{
    public bool IsForecast => Qualifier == Qualifier.Forecast;

    /// <summary>The rules' view of a figure given in full (a candidate row, a stored figure read with its quote).</summary>
    public static CheckFigure? From(CheckedFigure f, CheckCatalog catalog)
    {
        if (catalog.IndicatorId(f.IndicatorCode) is not { } indicatorId || catalog.ParkId(f.ParkCode) is not { } park) return null;
        var enterprise = f.Enterprise is null ? 0 : catalog.EnterpriseId(f.Enterprise) ?? -1;
        if (enterprise < 0) return null;
        var indicator = catalog.Indicators[indicatorId];
        var source = catalog.SourceId(f.SourceCode) ?? f.SourceId;
        var reportedFactor = catalog.UnitFactors.GetValueOrDefault(f.ReportedUnit, indicator.UnitFactor);
        var marker = Tolerance.MarkerOf(f.Qualifier, f.Quote, f.Printed);
        var value = (double)f.Value * indicator.UnitFactor;
        var bounds = Tolerance.Of(value, Tolerance.DecimalsOf(f.Printed), reportedFactor, f.Qualifier, marker,
            indicator.Measure == MeasureKind.Count, indicator.CanBeNegative);
        return new CheckFigure(f.Id, park, enterprise, indicatorId, f.PeriodKind, f.Start, f.End, source, f.Qualifier, value, bounds);
    }
}

/// <summary>A run of figures in <see cref="FigureSet.Figures"/>: <see cref="Count"/> of them from <see cref="Start"/>.</summary>
public readonly record struct FigureRange(int Start, int Count)
{
    public int End => Start + Count;

    public bool IsEmpty => Count == 0;

    public IEnumerable<int> Indices => Enumerable.Range(Start, Count);
}

/// <summary>
/// The figures ordered by indicator, park, subject, period kind, dates and source, with the runs the rules look up: all of
/// an indicator, a subject's series of an indicator, and within a series the figures of one period (one per source).
/// </summary>
public sealed class FigureSet
{
    public CheckFigure[] Figures { get; }

    private readonly Dictionary<int, FigureRange> byIndicator = [];
    private readonly Dictionary<(int Indicator, int Park, int Enterprise), FigureRange> series = [];

    public FigureSet(CheckFigure[] figures)
    {
        Array.Sort(figures, Order.Instance);
        Figures = figures;
        for (var i = 0; i < figures.Length;)
        {
            var f = figures[i];
            var end = i + 1;
            while (end < figures.Length && figures[end].Indicator == f.Indicator && figures[end].Park == f.Park && figures[end].Enterprise == f.Enterprise) end++;
            series[(f.Indicator, f.Park, f.Enterprise)] = new FigureRange(i, end - i);
            byIndicator[f.Indicator] = byIndicator.TryGetValue(f.Indicator, out var r) ? new FigureRange(r.Start, end - r.Start) : new FigureRange(i, end - i);
            i = end;
        }
    }

    public FigureRange OfIndicator(int indicator) => byIndicator.GetValueOrDefault(indicator);

    public FigureRange Series(int indicator, int park, int enterprise) => series.GetValueOrDefault((indicator, park, enterprise));

    /// <summary>The figures of one period in a series: one per source that reports it.</summary>
    public FigureRange Period(FigureRange series, PeriodKind kind, DateOnly start, DateOnly end)
    {
        int lo = series.Start, hi = series.End;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Compare(Figures[mid], kind, start, end) < 0) lo = mid + 1;
            else hi = mid;
        }
        var first = lo;
        while (lo < series.End && Compare(Figures[lo], kind, start, end) == 0) lo++;
        return new FigureRange(first, lo - first);
    }

    /// <summary>The periods of a range, each as the run of its figures (several sources of one period are one run).</summary>
    public IEnumerable<FigureRange> Periods(FigureRange range)
    {
        for (var i = range.Start; i < range.End;)
        {
            var f = Figures[i];
            var end = i + 1;
            while (end < range.End && SamePeriod(Figures[end], f)) end++;
            yield return new FigureRange(i, end - i);
            i = end;
        }
    }

    /// <summary>The run's number as printed (its first report's), the centre expectations are computed from.</summary>
    public double Value(FigureRange run) => Figures[run.Start].Value;

    /// <summary>What the figures of a run can together stand for: a period two reports give differently can be either.</summary>
    public Bounds Hull(FigureRange run)
    {
        var hull = Bounds.Empty;
        for (var i = run.Start; i < run.End; i++) hull = hull.Hull(Figures[i].Bounds);
        return hull;
    }

    private static bool SamePeriod(CheckFigure a, CheckFigure b) =>
        a.Indicator == b.Indicator && a.Park == b.Park && a.Enterprise == b.Enterprise && a.Kind == b.Kind && a.Start == b.Start && a.End == b.End;

    private static int Compare(CheckFigure f, PeriodKind kind, DateOnly start, DateOnly end)
    {
        var c = f.Kind.CompareTo(kind);
        if (c != 0) return c;
        c = f.Start.CompareTo(start);
        return c != 0 ? c : f.End.CompareTo(end);
    }

    private sealed class Order : IComparer<CheckFigure>
    {
        public static readonly Order Instance = new();

        public int Compare(CheckFigure a, CheckFigure b)
        {
            var c = a.Indicator.CompareTo(b.Indicator);
            if (c != 0) return c;
            c = a.Park.CompareTo(b.Park);
            if (c != 0) return c;
            c = a.Enterprise.CompareTo(b.Enterprise);
            if (c != 0) return c;
            c = a.Kind.CompareTo(b.Kind);
            if (c != 0) return c;
            c = a.Start.CompareTo(b.Start);
            if (c != 0) return c;
            c = a.End.CompareTo(b.End);
            if (c != 0) return c;
            c = a.Source.CompareTo(b.Source);
            return c != 0 ? c : a.Id.CompareTo(b.Id);
        }
    }
}
