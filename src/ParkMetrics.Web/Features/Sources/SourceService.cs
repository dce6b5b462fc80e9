using Microsoft.Extensions.Localization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Components.Shared;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Web.Features.Sources;

/// <summary>A source's page; <see cref="Source"/> is null when no source has the id asked for.</summary>
/// <param name="Highlighted">The figure whose quote the text highlights (from ?figure=).</param>
public sealed record SourceModel(SourceSummary? Source, IReadOnlyList<Figure> Figures, string? Text, Figure? Highlighted, ChartSpec? ByCategory, FigureContext Context)
{
    public bool NotFound => Source is null;

    /// <summary>The highlighted figure's quote stands verbatim in the text.</summary>
    public bool QuoteStands => Highlighted is { Quote.Length: > 0 } h && Text is not null && Text.Contains(h.Quote, StringComparison.Ordinal);
}

public sealed record SourcesModel(IReadOnlyList<SourceSummary> Sources, ChartSpec ByPeriodKind);

public sealed class SourceService(CatalogQueries catalog, FigureQueries figures, FigureContexts contexts, IStringLocalizer<SharedResource> localizer)
{
    public async Task<SourcesModel> ListAsync(CancellationToken ct = default)
    {
        var sources = await catalog.SourcesAsync(ct);
        var counts = await catalog.SourcePeriodKindsAsync(ct);
        return new(sources, ByPeriodKind(sources, counts));
    }

    public async Task<SourceModel> LoadAsync(int id, long? figureId, CancellationToken ct = default)
    {
        var source = (await catalog.SourcesAsync(ct)).FirstOrDefault(s => s.Id == id);
        if (source is null) return new(null, [], null, null, null, FigureContext.None);
        var found = await figures.ForSourceAsync(id, ct);
        var text = source.HasText ? await catalog.SourceTextAsync(id, ct) : null;
        var highlighted = figureId is { } f ? found.FirstOrDefault(x => x.Id == f) : null;
        return new(source, found, text, highlighted, found.Count > 0 ? ByCategory(found) : null, await contexts.LoadAsync(found, ct));
    }

    /// <summary>What the article is about, by how many of its figures fall in each category (a count, not an economic figure).</summary>
    private ChartSpec ByCategory(IReadOnlyList<Figure> figures)
    {
        // Six slices and the rest: more colours than the palette holds would stop telling slices apart.
        var groups = figures.GroupBy(f => f.Category).OrderByDescending(g => g.Count()).ThenBy(g => Categories.Rank(g.Key)).ToList();
        var shown = groups.Take(groups.Count > 7 ? 6 : 7).ToList();
        var labels = shown.Select(g => localizer["Category_" + g.Key].Value).ToList();
        var counts = shown.Select(g => (decimal?)g.Count()).ToList();
        if (groups.Count > shown.Count)
        {
            labels.Add(localizer["OtherCategories"]);
            counts.Add(groups.Skip(shown.Count).Sum(g => g.Count()));
        }
        return new ChartSpec(ChartKind.Doughnut, labels, [new ChartSeries(localizer["Figures"], counts)]) { Sources = [figures[0].SourceTitle] };
    }

    /// <summary>A title short enough for a chart's axis; the list below gives it in full.</summary>
    private static string ShortTitle(string title) => title.Length <= 18 ? title : title[..17] + "…";

    /// <summary>How each article's figures divide into years, parts of years, plan totals, states and targets.</summary>
    private ChartSpec ByPeriodKind(IReadOnlyList<SourceSummary> sources, IReadOnlyList<(int SourceId, PeriodKind Kind, int Count)> counts)
    {
        var kinds = counts.Select(c => c.Kind).Distinct().Order().ToList();
        var bySource = counts.ToDictionary(c => (c.SourceId, c.Kind), c => c.Count);
        decimal? CountOf(int source, PeriodKind kind) => bySource.GetValueOrDefault((source, kind));
        return new ChartSpec(ChartKind.StackedBar, [.. sources.Select(s => ShortTitle(s.Title))],
            [.. kinds.Select((k, i) => new ChartSeries(localizer["PeriodKind_" + k], [.. sources.Select(s => CountOf(s.Id, k))]) { ColorIndex = i })])
        { Horizontal = true };
    }
}
