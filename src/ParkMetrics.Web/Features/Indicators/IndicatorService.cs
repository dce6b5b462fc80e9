using System.Globalization;
using Microsoft.Extensions.Localization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Figures;
using ParkMetrics.Web.Localization;

namespace ParkMetrics.Web.Features.Indicators;

/// <summary>An indicator's page; <see cref="Indicator"/> is null when no indicator has the code asked for.</summary>
public sealed record IndicatorModel(IndicatorSummary? Indicator, string Name, string OtherName, IndicatorSummary? Base, IReadOnlyList<IndicatorSummary> Derived,
    IReadOnlyList<Figure> Figures, IReadOnlyList<FigureChart> Charts, int ChartParkCount, int ParkCount, string CompareLink, FigureContext Context)
{
    public bool NotFound => Indicator is null;
}

/// <summary>A list group of indicators of one category.</summary>
public sealed record IndicatorGroup(string Category, string Title, IReadOnlyList<IndicatorSummary> Indicators);

public sealed class IndicatorService(CatalogQueries catalog, FigureQueries figures, FigureContexts contexts, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>More parks than this would make bars too thin and colours repeat; the table still lists them all.</summary>
    public const int MaxChartParks = 8;

    /// <summary>The indicators that have figures, by category, those matching <paramref name="filter"/> (in either language or the code).</summary>
    public async Task<IReadOnlyList<IndicatorGroup>> ListAsync(string? filter, CancellationToken ct = default)
    {
        var words = filter?.Trim();
        return [.. (await catalog.IndicatorsAsync(ct))
            .Where(i => i.FigureCount > 0)
            .Where(i => string.IsNullOrEmpty(words) || i.NameZh.Contains(words, StringComparison.OrdinalIgnoreCase)
                || i.NameEn.Contains(words, StringComparison.OrdinalIgnoreCase) || i.Code.Contains(words, StringComparison.OrdinalIgnoreCase))
            .GroupBy(i => i.Category).OrderBy(g => Categories.Rank(g.Key))
            .Select(g => new IndicatorGroup(g.Key, localizer["Category_" + g.Key], [.. g]))];
    }

    public async Task<IndicatorModel> LoadAsync(string code, CultureInfo culture, CancellationToken ct = default)
    {
        var all = await catalog.IndicatorsAsync(ct);
        var indicator = all.FirstOrDefault(i => i.Code == code);
        if (indicator is null) return new(null, code, "", null, [], [], [], 0, 0, "", FigureContext.None);
        var found = await figures.ForIndicatorAsync(code, ct);
        var parks = found.Where(f => !f.IsEnterprise).Select(f => (f.ParkCode, FigureText.Park(f))).Distinct().ToList();
        var counts = found.CountBy(f => f.ParkCode).ToDictionary();
        var chartParks = parks.OrderByDescending(p => counts[p.ParkCode]).ThenBy(p => p.ParkCode, StringComparer.Ordinal).Take(MaxChartParks).ToList();
        var charted = chartParks.Select(p => p.ParkCode).ToHashSet();
        var chartFigures = found.Where(f => !f.IsEnterprise && charted.Contains(f.ParkCode)).ToList();
        var name = indicator.Name(culture);
        var charts = new List<FigureChart>();
        foreach (var (kind, drawn, spec) in FigureCharts.ParksSideBySide(chartFigures, chartParks))
            charts.Add(new($"{name} · {localizer["PeriodKind_" + kind]}", spec, $"{indicator.Code}-{EnumCode.Of(kind)}", ChartCsv.For(drawn, found)));
        if (FigureCharts.YearSeries(chartFigures, FigureText.Park, [.. chartParks.Select(p => p.Item2)]) is { } line)
            charts.Add(new($"{name} · {localizer["SeriesOverYears"]}", line, $"{indicator.Code}-years",
                ChartCsv.For(FigureCharts.YearSeriesFigures(chartFigures), found)));
        // The table shows one page of figures: only their sources' texts are needed, but which page is the table's to say.
        var context = await contexts.LoadAsync(found, ct);
        return new(indicator, name, indicator.OtherName(culture), all.FirstOrDefault(i => i.Code == indicator.BaseCode),
            [.. all.Where(i => i.BaseCode == code && i.FigureCount > 0)], found, charts, chartParks.Count, parks.Count,
            $"compare?indicator={code}", context);
    }
}
