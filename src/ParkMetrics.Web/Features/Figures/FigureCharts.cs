using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Components.Shared;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>A chart with its title, built only from figures that may honestly share an axis, and the export of exactly its figures.</summary>
public sealed record FigureChart(string Title, ChartSpec Spec, string FileName, string? CsvUrl = null);

/// <summary>
/// Turns figures into charts without mixing what is not comparable: a yearly line holds only calendar years, with
/// forecasts and targets as separate dashed series; every other chart compares figures of one measure, one unit and
/// one and the same period.
/// </summary>
public static class FigureCharts
{
    /// <summary>The figures that can form a yearly series for one subject: years, forecast years and targets for a single year.</summary>
    public static bool IsYearly(Figure f) =>
        f.PeriodKind == PeriodKind.Year || f.PeriodKind == PeriodKind.Target && f.Start.Year == f.End.Year;

    /// <summary>
    /// Lines over calendar years, one colour per series key (a park or an enterprise); forecasts continue the line dashed
    /// from the last actual year, targets stand alone as hollow dashed markers. Null when fewer than two points.
    /// A page that draws the same series in other charts passes their <paramref name="colorOrder"/>, so that each keeps
    /// its colour from chart to chart; otherwise colours follow the order the series appear in.
    /// </summary>
    public static ChartSpec? YearSeries(IEnumerable<Figure> figures, Func<Figure, string> seriesName, IReadOnlyList<string>? colorOrder = null)
    {
        var yearly = figures.Where(IsYearly).ToList();
        if (yearly.Select(f => f.End.Year).Distinct().Count() < 2) return null;
        var years = Enumerable.Range(yearly.Min(f => f.End.Year), yearly.Max(f => f.End.Year) - yearly.Min(f => f.End.Year) + 1).ToList();
        var scale = AxisScale.For(yearly);
        var series = new List<ChartSeries>();
        var groups = yearly.GroupBy(seriesName).ToList();
        var order = colorOrder?.ToList() ?? [];
        var unlisted = groups.Select(g => g.Key).Where(k => !order.Contains(k)).ToList();
        int ColorOf(string key) => order.Contains(key) ? order.IndexOf(key) : order.Count + unlisted.IndexOf(key);
        foreach (var group in groups)
        {
            var color = ColorOf(group.Key);
            var actual = group.Where(f => f.PeriodKind == PeriodKind.Year && f.Qualifier != Qualifier.Forecast).ToList();
            var forecast = group.Where(f => f.PeriodKind == PeriodKind.Year && f.Qualifier == Qualifier.Forecast).ToList();
            var target = group.Where(f => f.PeriodKind == PeriodKind.Target).ToList();
            if (actual.Count > 0) series.Add(Line(group.Key, actual, years, scale, dashed: false, color));
            if (forecast.Count > 0)
            {
                // The dashed line starts at the last actual year, whose figure stays the actual's: a bridge, not a forecast.
                var lastActual = actual.Where(a => a.End.Year < forecast.Min(x => x.End.Year)).MaxBy(a => a.End.Year);
                var line = Line($"{group.Key} · {Text("Forecast")}", lastActual is null ? forecast : [lastActual, .. forecast], years, scale, dashed: true, color);
                series.Add(lastActual is null ? line : line with { BridgeIndex = years.IndexOf(lastActual.End.Year) });
            }
            if (target.Count > 0) series.Add(Line($"{group.Key} · {Text("Target")}", target, years, scale, dashed: true, color));
        }
        return new ChartSpec(ChartKind.Line, [.. years.Select(y => Zh ? $"{y}年" : y.ToString(CultureInfo.InvariantCulture))], series, scale.Title)
        {
            Period = Zh ? $"{years[0]}年—{years[^1]}年" : $"{years[0]}–{years[^1]}",
            Sources = SourcesOf(yearly),
        };
    }

    /// <summary>The figures <see cref="YearSeries"/> draws of <paramref name="figures"/>.</summary>
    public static IReadOnlyList<Figure> YearSeriesFigures(IEnumerable<Figure> figures) => [.. figures.Where(IsYearly)];

    private static IReadOnlyList<string> SourcesOf(IEnumerable<Figure> figures) => [.. figures.Select(f => f.SourceTitle).Distinct()];

    /// <summary>Values further apart than this do not share an axis: the small ones would be invisible slivers.</summary>
    public const decimal MaxScaleRatio = 20;

    /// <summary>The word a unit counts in, without its 万/亿 (万片 and 片 count pieces, 万瓶 bottles): things of different words never share an axis.</summary>
    public static string Counted(string reportedUnit) => reportedUnit.TrimStart('万', '亿', '千', '百');

    /// <summary>
    /// Bars for figures that share measure, unit, the thing counted (人 and 名 are people, 片 and 瓶 are not alike) and
    /// period exactly, labelled by <paramref name="label"/>, each bar carrying its value as printed. Values of very
    /// different size (6000人 and 3名) are split into charts of their own scale; forecasts are hatched bars in a series
    /// of their own. Each group of <paramref name="minimum"/> or more such figures is one chart.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<Figure> Figures, ChartSpec Spec)> ComparableBars(IEnumerable<Figure> figures, Func<Figure, string> label, int minimum = 2)
    {
        var charts = new List<(IReadOnlyList<Figure>, ChartSpec)>();
        foreach (var group in figures.Where(f => !IsYearly(f) || f.PeriodKind == PeriodKind.Year)
                     .GroupBy(f => (f.Measure, f.Unit, Counted: Counted(f.ReportedUnit), f.PeriodKind, f.Start, f.End)))
        {
            foreach (var members in ByScale(group.OrderByDescending(f => f.Value).ToList()))
            {
                if (members.Count < minimum) continue;
                var scale = AxisScale.For(members);
                var forecast = members.Where(f => f.Qualifier == Qualifier.Forecast).ToList();
                var period = FigureText.Period(members[0]);
                var series = new List<ChartSeries>();
                if (forecast.Count < members.Count) series.Add(BarSeries(period, members, f => f.Qualifier != Qualifier.Forecast, scale, dashed: members[0].PeriodKind == PeriodKind.Target));
                if (forecast.Count > 0) series.Add(BarSeries($"{period} · {Text("Forecast")}", members, f => f.Qualifier == Qualifier.Forecast, scale, dashed: true));
                var spec = new ChartSpec(ChartKind.Bar, [.. members.Select(label)], series, scale.Title)
                {
                    Horizontal = true,
                    Period = period,
                    Sources = SourcesOf(members),
                };
                charts.Add((members, spec));
            }
        }
        return charts;
    }

    /// <summary>Figures sorted by value, cut where the next is more than <see cref="MaxScaleRatio"/> times smaller than the largest of its chart.</summary>
    private static IEnumerable<List<Figure>> ByScale(List<Figure> descending)
    {
        var current = new List<Figure>();
        foreach (var f in descending)
        {
            if (current.Count > 0 && Math.Abs(f.Value) * MaxScaleRatio < Math.Abs(current[0].Value))
            {
                yield return current;
                current = [];
            }
            current.Add(f);
        }
        if (current.Count > 0) yield return current;
    }

    private static ChartSeries BarSeries(string name, List<Figure> members, Func<Figure, bool> inSeries, AxisScale scale, bool dashed) =>
        new(name, [.. members.Select(f => inSeries(f) ? scale.Apply(f.Value) : (decimal?)null)],
            [.. members.Select(f => inSeries(f) ? FigureText.Reported(f) : null)], dashed);

    /// <summary>
    /// One indicator for several parks: one chart per period kind (years never share an axis with year-to-date or plan
    /// totals), periods as categories and a bar per park; a park without a figure for a period shows a gap.
    /// </summary>
    public static IReadOnlyList<(PeriodKind Kind, IReadOnlyList<Figure> Figures, ChartSpec Spec)> ParksSideBySide(IReadOnlyList<Figure> figures, IReadOnlyList<(string Code, string Name)> parks)
    {
        var result = new List<(PeriodKind, IReadOnlyList<Figure>, ChartSpec)>();
        foreach (var byKind in figures.Where(f => !f.IsEnterprise).GroupBy(f => f.PeriodKind).OrderBy(g => g.Key))
        {
            var periods = byKind.Select(f => (f.Start, f.End)).Distinct().OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
            var scale = AxisScale.For(byKind);
            var series = new List<ChartSeries>();
            foreach (var (park, color) in parks.Select((p, i) => (p, i)))
            {
                var mine = byKind.Where(f => f.ParkCode == park.Code).ToList();
                var actual = mine.Where(f => f.Qualifier != Qualifier.Forecast).ToList();
                var forecast = mine.Where(f => f.Qualifier == Qualifier.Forecast).ToList();
                if (actual.Count > 0 || forecast.Count == 0)
                    series.Add(Bars(park.Name, actual, periods, scale, dashed: byKind.Key == PeriodKind.Target, color));
                if (forecast.Count > 0)
                    series.Add(Bars($"{park.Name} · {Text("Forecast")}", forecast, periods, scale, dashed: true, color));
            }
            var labels = periods.Select(p => FigureText.Period(byKind.First(f => (f.Start, f.End) == p))).ToList();
            var drawn = byKind.Where(f => parks.Any(p => p.Code == f.ParkCode)).ToList();
            result.Add((byKind.Key, drawn, new ChartSpec(ChartKind.Bar, labels, series, scale.Title)
            {
                Period = labels.Count == 1 ? labels[0] : $"{labels[0]} — {labels[^1]}",
                Sources = SourcesOf(drawn),
            }));
        }
        return result;
    }

    private static ChartSeries Bars(string name, List<Figure> figures, List<(DateOnly Start, DateOnly End)> periods, AxisScale scale, bool dashed, int color)
    {
        var points = periods.Select(period => figures.FirstOrDefault(f => (f.Start, f.End) == period)).ToList();
        return new ChartSeries(name, [.. points.Select(f => f is null ? (decimal?)null : scale.Apply(f.Value))],
            [.. points.Select(f => f is null ? null : FigureText.Reported(f))], dashed) { ColorIndex = color };
    }

    private static ChartSeries Line(string name, IReadOnlyList<Figure> points, List<int> years, AxisScale scale, bool dashed, int color)
    {
        var byYear = points.GroupBy(f => f.End.Year).ToDictionary(g => g.Key, g => g.First());
        return new ChartSeries(name,
            [.. years.Select(y => byYear.TryGetValue(y, out var f) ? scale.Apply(f.Value) : (decimal?)null)],
            [.. years.Select(y => byYear.TryGetValue(y, out var f) ? FigureText.Reported(f) : null)],
            dashed) { ColorIndex = color };
    }

    private static bool Zh => FigureText.IsChinese(CultureInfo.CurrentUICulture);

    private static string Text(string key) => key switch
    {
        "Forecast" => Zh ? "预计" : "forecast",
        "Target" => Zh ? "目标" : "target",
        _ => key,
    };
}

/// <summary>The unit a chart's value axis reads in, scaled so that ticks stay short (亿元 rather than 万元 for large sums).</summary>
public sealed record AxisScale(decimal Divisor, string Title)
{
    public decimal Apply(decimal value) => Math.Round(value / Divisor, 4);

    public static AxisScale For(IEnumerable<Figure> figures)
    {
        var list = figures.ToList();
        var unit = list.Select(f => f.Unit).Distinct().Single();
        var measure = list[0].Measure;
        var max = list.Count == 0 ? 0 : list.Max(f => Math.Abs(f.Value));
        var zh = FigureText.IsChinese(CultureInfo.CurrentUICulture);
        return (unit, zh) switch
        {
            ("万元", true) when max >= 10_000 => new(10_000, "亿元"),
            ("万元", false) when max >= 100_000 => new(100_000, "CNY bn"),
            ("万元", false) => new(100, "CNY mn"),
            ("吨", true) when max >= 100_000 => new(10_000, "万吨"),
            ("兆瓦", true) when max >= 1_000 => new(1_000, "吉瓦"),
            ("兆瓦", false) when max >= 1_000 => new(1_000, "GW"),
            ("%", _) when measure == MeasureKind.GrowthRate => new(1, zh ? "增速（%）" : "growth (%)"),
            (_, true) => new(1, unit),
            (_, false) => new(1, EnglishUnit(unit)),
        };
    }

    private static string EnglishUnit(string unit) => unit switch
    {
        "%" => "%",
        "个百分点" => "pp",
        "吨" => "t",
        "兆瓦" => "MW",
        "平方米" => "m²",
        "亩" => "mu",
        "人" => "people",
        "万元/亩" => "CNY 10k per mu",
        "个工作日" => "working days",
        "小时" => "hours",
        "倍" => "times",
        _ => "",
    };
}
