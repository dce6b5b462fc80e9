using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Components.Shared;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Web.Features.Parks;

/// <summary>A park on one A4 page: its headline figures, a few small charts and the sources of both.</summary>
public sealed record BriefingModel(ParkModel Park, IReadOnlyList<Figure> Headlines, IReadOnlyList<FigureChart> Charts, IReadOnlyList<SourceSummary> Sources)
{
    public bool NotFound => Park.NotFound;
}

public sealed class BriefingService(ParkService parks, CatalogQueries catalog)
{
    public const int MaxHeadlines = 8;
    public const int MaxCharts = 3;

    /// <summary>Bars with more than this many labels do not fit a third of a page.</summary>
    public const int MaxBarsInAChart = 6;

    public async Task<BriefingModel> LoadAsync(string code, CultureInfo culture, CancellationToken ct = default)
    {
        var park = await parks.LoadAsync(code, culture, ct);
        if (park.NotFound) return new(park, [], [], []);
        var headlines = park.Headlines.Take(MaxHeadlines).ToList();
        // Lines over the years first (the longest series), then small bar charts, one per category at most.
        var charts = park.Categories
            .SelectMany(c => c.Charts.Select(chart => (Category: c.Key, Chart: chart)))
            .Where(x => x.Chart.Spec.Kind == ChartKind.Line || x.Chart.Spec.Labels.Count <= MaxBarsInAChart)
            .OrderBy(x => x.Chart.Spec.Kind == ChartKind.Line ? 0 : 1)
            .ThenByDescending(x => x.Chart.Spec.Labels.Count)
            .DistinctBy(x => x.Category)
            .Take(MaxCharts)
            .Select(x => x.Chart)
            .ToList();
        var titles = headlines.Select(f => f.SourceTitle).Concat(charts.SelectMany(c => c.Spec.Sources)).ToHashSet();
        var sources = (await catalog.SourcesAsync(ct)).Where(s => titles.Contains(s.Title)).ToList();
        return new(park, headlines, charts, sources);
    }
}
