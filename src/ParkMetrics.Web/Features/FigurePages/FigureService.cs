using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Web.Features.FigurePages;

/// <summary>A figure's own page; <see cref="Figure"/> is null when there is no such figure (or it was deleted).</summary>
/// <param name="Series">The subject's other figures of the same indicator, this one among them.</param>
public sealed record FigureModel(Figure? Figure, IReadOnlyList<Figure> Series, FigureContext Context)
{
    public bool NotFound => Figure is null;
}

public sealed class FigureService(FigureQueries figures, FigureContexts contexts, FigureEditor editor)
{
    public async Task<FigureModel> LoadAsync(long id, CancellationToken ct = default)
    {
        var figure = await figures.ByIdAsync(id, ct);
        if (figure is null) return new(null, [], FigureContext.None);
        var series = (await figures.ForParkAsync(figure.ParkCode, ct))
            .Where(f => f.IndicatorCode == figure.IndicatorCode && f.Enterprise == figure.Enterprise)
            .OrderBy(f => f.Start).ThenBy(f => f.End).ToList();
        return new(figure, series, await contexts.LoadAsync(series, ct));
    }

    /// <summary>Who changed the figure, when and why: for analysts and admins only.</summary>
    public Task<IReadOnlyList<AuditEntry>> HistoryAsync(long id, CancellationToken ct = default) => editor.HistoryAsync(id, ct);
}
