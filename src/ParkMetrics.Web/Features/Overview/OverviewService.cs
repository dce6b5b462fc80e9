using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Figures;
using ParkMetrics.Web.Localization;

namespace ParkMetrics.Web.Features.Overview;

/// <param name="ParentName">The zone a park belongs to; null for a park on its own.</param>
public sealed record ParkCard(ParkSummary Park, string Name, string? ParentName, IReadOnlyList<Figure> Headlines);

public sealed record OverviewModel(IReadOnlyList<ParkCard> Zones, IReadOnlyList<ParkCard> Parks, int ParkCount, int FigureCount, int SourceCount,
    IReadOnlyList<FigureChart> Series, FigureContext Context);

/// <summary>The overview: each zone's headline figures, a card per park (the first dozen), and series over the years.</summary>
public sealed class OverviewService(CatalogQueries catalog, FigureQueries figures, FigureContexts contexts)
{
    /// <summary>Cards on the overview; the park list holds the rest.</summary>
    public const int MaxParkCards = 12;
    public const int MaxSeriesCharts = 6;

    public async Task<OverviewModel> LoadAsync(CultureInfo culture, CancellationToken ct = default)
    {
        var parks = await catalog.ParksAsync(ct);
        var sourceCount = (await catalog.SourcesAsync(ct)).Count;
        var zones = parks.Where(p => p.Kind == ParkKind.Zone).ToList();
        var shown = parks.Where(p => p.Kind == ParkKind.Park).Take(MaxParkCards).ToList();
        var codes = zones.Concat(shown).Select(p => p.Code).ToList();
        var candidates = await figures.HeadlineCandidatesAsync(codes, [.. Headlines.IndicatorCodes, .. Headlines.SeriesCodes], ct);
        var byPark = candidates.ToLookup(f => f.ParkCode);
        ParkCard Card(ParkSummary p, int headlines) => new(p, p.Name(culture),
            parks.FirstOrDefault(x => x.Code == p.ParentCode)?.Name(culture), Headlines.Pick(byPark[p.Code], headlines));
        var series = candidates
            .GroupBy(f => (f.ParkCode, f.IndicatorCode))
            .Select(g => (Figures: g.ToList(), Spec: FigureCharts.YearSeries(g, FigureText.Park)))
            .Where(x => x.Spec is not null)
            .Take(MaxSeriesCharts)
            .Select(x => new FigureChart($"{FigureText.Park(x.Figures[0])} · {FigureText.Name(x.Figures[0])}", x.Spec!,
                $"{x.Figures[0].ParkCode}-{x.Figures[0].IndicatorCode}",
                ChartCsv.For(FigureCharts.YearSeriesFigures(x.Figures), byPark[x.Figures[0].ParkCode].Where(f => f.IndicatorCode == x.Figures[0].IndicatorCode))))
            .ToList();
        var zoneCards = zones.Select(z => Card(z, 8)).ToList();
        var parkCards = shown.Select(p => Card(p, 4)).ToList();
        var context = await contexts.LoadAsync([.. zoneCards.Concat(parkCards).SelectMany(c => c.Headlines)], ct);
        return new OverviewModel(zoneCards, parkCards, parks.Count(p => p.Kind == ParkKind.Park), parks.Sum(p => p.FigureCount), sourceCount, series, context);
    }
}
