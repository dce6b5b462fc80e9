using System.Globalization;
using Microsoft.Extensions.Localization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Components.Shared;
using ParkMetrics.Web.Features.Figures;
using ParkMetrics.Web.Localization;

namespace ParkMetrics.Web.Features.Compare;

/// <summary>An indicator that two or more parks report for one and the same period, in the indicator list.</summary>
public sealed record CompareIndicator(string Code, string Name, string Category, string CategoryTitle, int PeriodCount);

/// <summary>A period of the chosen indicator that two or more parks report; <see cref="Code"/> is its URL form (year_20230101_20231231).</summary>
public sealed record ComparePeriod(string Code, string Text, int ParkCount, ComparablePeriod Period);

public sealed record CompareParkOption(string Code, string Name, bool Selected);

/// <summary>A comparable pair offered when the one asked for has nothing to compare.</summary>
public sealed record CompareSuggestion(string Text, string Href);

public sealed record CompareModel(
    IReadOnlyList<CompareIndicator> Indicators, IndicatorSummary? Indicator, string? IndicatorName,
    IReadOnlyList<ComparePeriod> Periods, ComparePeriod? Period, IReadOnlyList<CompareParkOption> Parks,
    IReadOnlyList<Figure> Figures, FigureChart? Chart, FigureChart? Series, IReadOnlyList<string> Containments,
    IReadOnlyList<string> ReportingParks, IReadOnlyList<CompareSuggestion> Suggestions, FigureContext Context)
{
    /// <summary>The indicator asked for exists, but no two parks report it for one period.</summary>
    public bool NothingComparable => Indicator is not null && Periods.Count == 0;

    public int SelectedCount => Parks.Count(p => p.Selected);
}

/// <summary>
/// Compare offers only what can be compared: an indicator and a period that at least two parks report for themselves
/// (forecasts aside). It says when one of the parks contains another (a zone and its park: the zone's figure includes
/// the park's), and when nothing is comparable it says so and suggests pairs that are.
/// </summary>
public sealed class CompareService(CatalogQueries catalog, FigureQueries figures, FigureContexts contexts, IStringLocalizer<SharedResource> localizer)
{
    public const string DefaultIndicator = "industrial_output_above_scale";
    public const int MaxSuggestions = 6;

    public static string PeriodCode(ComparablePeriod p) => $"{EnumCode.Of(p.Kind)}_{p.Start:yyyyMMdd}_{p.End:yyyyMMdd}";

    public async Task<CompareModel> LoadAsync(string? indicatorCode, string? periodCode, IReadOnlyCollection<string> parkCodes, CultureInfo culture,
        CancellationToken ct = default)
    {
        var indicators = await catalog.IndicatorsAsync(ct);
        var parks = await catalog.ParksAsync(ct);
        var pairs = await figures.ComparablePeriodsAsync(ct);
        var byIndicator = pairs.ToLookup(p => p.IndicatorCode);
        var options = indicators.Where(i => byIndicator.Contains(i.Code))
            .OrderBy(i => Categories.Rank(i.Category)).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new CompareIndicator(i.Code, i.Name(culture), i.Category, localizer["Category_" + i.Category], byIndicator[i.Code].Count()))
            .ToList();
        // Without a choice: the headline indicator if two parks report it for one period, else the pair most parks report.
        var fallback = byIndicator.Contains(DefaultIndicator) ? DefaultIndicator
            : pairs.OrderByDescending(p => p.ParkCodes.Count).ThenByDescending(p => p.End).FirstOrDefault()?.IndicatorCode;
        var indicator = indicators.FirstOrDefault(i => i.Code == (indicatorCode ?? fallback));
        string ParkName(string code) => parks.FirstOrDefault(p => p.Code == code)?.Name(culture) ?? code;
        var suggestions = pairs.OrderByDescending(p => p.ParkCodes.Count).ThenByDescending(p => p.End).Take(MaxSuggestions)
            .Select(p => new CompareSuggestion($"{indicators.First(i => i.Code == p.IndicatorCode).Name(culture)} · {Period(p, culture)}",
                $"compare?indicator={p.IndicatorCode}&period={PeriodCode(p)}"))
            .ToList();
        if (indicator is null)
            return new(options, null, null, [], null, [], [], null, null, [], [], suggestions, FigureContext.None);

        var periods = byIndicator[indicator.Code]
            .Select(p => new ComparePeriod(PeriodCode(p), Period(p, culture), p.ParkCodes.Count, p)).ToList();
        if (periods.Count == 0)
        {
            var reporting = await figures.ParksReportingAsync(indicator.Code, ct);
            return new(options, indicator, indicator.Name(culture), [], null, [], [], null, null, [], [.. reporting.Select(ParkName)], suggestions, FigureContext.None);
        }
        // The latest period that the most parks report, unless the URL names one of this indicator's.
        var period = periods.FirstOrDefault(p => p.Code == periodCode)
            ?? periods.OrderByDescending(p => p.Period.End).ThenByDescending(p => p.ParkCount).First();
        var holders = parks.Where(p => period.Period.ParkCodes.Contains(p.Code)).ToList();
        var asked = parkCodes.Where(c => holders.Any(h => h.Code == c)).ToHashSet();
        // Without a choice (or with fewer than two parks of this pair), every park that reports the pair.
        var selected = asked.Count >= 2 ? asked : holders.Select(h => h.Code).ToHashSet();
        var parkOptions = holders.Select(p => new CompareParkOption(p.Code, p.Name(culture), selected.Contains(p.Code))).ToList();

        var all = await figures.ChartAsync(indicator.Code, [.. selected], ct);
        var inPeriod = all.Where(f => f.PeriodKind == period.Period.Kind && f.Start == period.Period.Start && f.End == period.Period.End).ToList();
        var chart = Bars(indicator, period, inPeriod, parkOptions.Where(p => p.Selected).ToList(), all, culture);
        var sameKind = all.Where(f => f.PeriodKind == period.Period.Kind).ToList();
        FigureChart? series = null;
        if (period.Period.Kind == PeriodKind.Year
            && FigureCharts.YearSeries(sameKind, FigureText.Park, [.. parkOptions.Where(p => p.Selected).Select(p => p.Name)]) is { } line)
            series = new($"{indicator.Name(culture)} · {localizer["SeriesOverYears"]}", line, $"compare-{indicator.Code}-years",
                ChartCsv.For(FigureCharts.YearSeriesFigures(sameKind), all));
        var containments = Containments(parks, selected, culture);
        var context = await contexts.LoadAsync(inPeriod, ct);
        return new(options, indicator, indicator.Name(culture), periods, period, parkOptions, inPeriod, chart, series, containments, [], suggestions, context);
    }

    /// <summary>
    /// What a reader must know before comparing: a zone (or city) contains a park also compared, so their figures overlap;
    /// a city is not a park at all.
    /// </summary>
    public IReadOnlyList<string> Containments(IReadOnlyList<ParkSummary> parks, IReadOnlySet<string> selected, CultureInfo culture)
    {
        var byCode = parks.ToDictionary(p => p.Code);
        IEnumerable<ParkSummary> Ancestors(ParkSummary p)
        {
            for (var a = p.ParentCode is { } c ? byCode.GetValueOrDefault(c) : null; a is not null; a = a.ParentCode is { } next ? byCode.GetValueOrDefault(next) : null)
                yield return a;
        }
        var sentences = new List<string>();
        foreach (var park in parks.Where(p => selected.Contains(p.Code)))
            foreach (var whole in Ancestors(park).Where(a => selected.Contains(a.Code)))
                sentences.Add(localizer["CompareContains", whole.Name(culture), park.Name(culture)]);
        foreach (var region in parks.Where(p => p.Kind == ParkKind.Region && selected.Contains(p.Code)))
            sentences.Add(localizer["CompareRegion", region.Name(culture)]);
        return sentences;
    }

    /// <summary>One bar per park for the period: its latest source's figure, the value as printed at the bar's end.</summary>
    private static FigureChart? Bars(IndicatorSummary indicator, ComparePeriod period, IReadOnlyList<Figure> inPeriod, IReadOnlyList<CompareParkOption> parks,
        IReadOnlyList<Figure> all, CultureInfo culture)
    {
        var latest = parks.Select(p => inPeriod.Where(f => f.ParkCode == p.Code && f.Qualifier != Qualifier.Forecast)
                .OrderByDescending(f => f.SourceAsOf).FirstOrDefault())
            .OfType<Figure>().OrderByDescending(f => f.Value).ToList();
        if (latest.Count < 2) return null;
        var scale = AxisScale.For(latest);
        var spec = new ChartSpec(ChartKind.Bar, [.. latest.Select(FigureText.Park)],
            [new ChartSeries(period.Text, [.. latest.Select(f => (decimal?)scale.Apply(f.Value))], [.. latest.Select(f => (string?)FigureText.Reported(f))])],
            scale.Title)
        {
            Horizontal = true,
            Period = period.Text,
            Sources = [.. latest.Select(f => f.SourceTitle).Distinct()],
        };
        return new FigureChart($"{indicator.Name(culture)} · {period.Text}", spec, $"compare-{indicator.Code}-{period.Code}", ChartCsv.For(latest, all));
    }

    private static string Period(ComparablePeriod p, CultureInfo culture) =>
        FigureText.Period(p.Kind, p.Start, p.End, PlanPeriod.All.FirstOrDefault(x => x.Start <= p.Start && p.End <= x.End)?.NameZh,
            PlanPeriod.All.FirstOrDefault(x => x.Start <= p.Start && p.End <= x.End)?.NameEn);
}
