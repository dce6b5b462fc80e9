using Microsoft.AspNetCore.OutputCaching;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Sources;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>
/// What a page's figures carry beyond themselves: the full texts of their sources, so that each figure's dialog holds
/// the sentence around its quote in the page's HTML (and opens offline), and the consistency findings each figure takes
/// part in, for the mark on its tile or table row and the list in its dialog. Pages cascade it to their figures.
/// </summary>
public sealed class FigureContext(IReadOnlyDictionary<int, string> texts, IReadOnlyDictionary<long, IReadOnlyList<Finding>>? findings = null)
{
    public static readonly FigureContext None = new(new Dictionary<int, string>());

    private readonly IReadOnlyDictionary<long, IReadOnlyList<Finding>> findings = findings ?? new Dictionary<long, IReadOnlyList<Finding>>();

    /// <summary>The sentence holding the figure's quote, its number marked; null when the source's text is unknown or lacks the quote.</summary>
    public IReadOnlyList<TextRun>? SentenceOf(Figure f) =>
        f.Quote.Length > 0 && texts.TryGetValue(f.SourceId, out var text) ? SourceText.Sentence(text, f.Quote, f.ReportedValue) : null;

    /// <summary>The findings the figure takes part in, the surest first; empty when its figures agree.</summary>
    public IReadOnlyList<Finding> FindingsOf(Figure f) => findings.TryGetValue(f.Id, out var found) ? found : [];
}

/// <summary>
/// Loads a page's <see cref="FigureContext"/>: the texts of its figures' sources (each cached by the catalog for a
/// minute) and the findings they take part in. A page never waits long for the checks: when their report over the data
/// as it now is is not ready within <see cref="MarksWait"/> (a run takes seconds at a million figures, after each
/// write), the page shows no marks and is not kept in the output cache, so that a later reader gets them.
/// </summary>
public sealed class FigureContexts(CatalogQueries catalog, ConsistencyChecks checks, IHttpContextAccessor http)
{
    public static readonly TimeSpan MarksWait = TimeSpan.FromSeconds(1);

    public async Task<FigureContext> LoadAsync(IReadOnlyCollection<Figure> figures, CancellationToken ct = default)
    {
        var texts = new Dictionary<int, string>();
        foreach (var id in figures.Where(f => f.Quote.Length > 0).Select(f => f.SourceId).Distinct())
            if (await catalog.SourceTextAsync(id, ct) is { } text) texts[id] = text;
        var findings = await checks.FindingsForAsync(figures.Select(f => f.Id), MarksWait, ct);
        if (findings is null && http.HttpContext?.Features.Get<IOutputCacheFeature>() is { } cache) cache.Context.AllowCacheStorage = false;
        return new FigureContext(texts, findings);
    }
}

/// <summary>
/// The figure dialogs of one page: the first button of a figure renders its dialog, a second one (the same figure in a
/// tile and in a table row) opens the same dialog, so that the page carries each quote once.
/// </summary>
public sealed class DialogIds
{
    private readonly HashSet<long> rendered = [];

    /// <summary>The id of the figure's dialog, and whether this caller is the first and must render it.</summary>
    public (string Id, bool Render) For(long figureId) => ($"figure-{figureId}", rendered.Add(figureId));
}
