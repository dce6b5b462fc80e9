using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Sources;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>
/// The full texts of the sources of a page's figures, so that each figure's dialog can carry the sentence around its
/// quote in the page's HTML (and open offline). Pages cascade it to their figures.
/// </summary>
public sealed class SourceTexts(IReadOnlyDictionary<int, string> texts)
{
    public static readonly SourceTexts None = new(new Dictionary<int, string>());

    /// <summary>The sentence holding the figure's quote, its number marked; null when the source's text is unknown or lacks the quote.</summary>
    public IReadOnlyList<TextRun>? SentenceOf(Figure f) =>
        f.Quote.Length > 0 && texts.TryGetValue(f.SourceId, out var text) ? SourceText.Sentence(text, f.Quote, f.ReportedValue) : null;

    /// <summary>Reads the texts of the sources of <paramref name="figures"/> (each cached by the catalog for a minute).</summary>
    public static async Task<SourceTexts> LoadAsync(CatalogQueries catalog, IEnumerable<Figure> figures, CancellationToken ct = default)
    {
        var texts = new Dictionary<int, string>();
        foreach (var id in figures.Where(f => f.Quote.Length > 0).Select(f => f.SourceId).Distinct())
            if (await catalog.SourceTextAsync(id, ct) is { } text) texts[id] = text;
        return new SourceTexts(texts);
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
