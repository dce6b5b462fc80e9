using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>Opens the provenance of a figure from anywhere on the page; one per circuit, shown by <c>ProvenanceDialog</c>.</summary>
/// <param name="sourceText">Reads a source's full text by its id (null when unknown), only when a figure's dialog opens.</param>
public sealed class ProvenanceService(Func<int, CancellationToken, Task<string?>> sourceText)
{
    private Func<ValueTask>? returnFocus;

    public Figure? Current { get; private set; }

    public event Action? Changed;

    /// <param name="returnFocus">Puts the focus back where it was (the figure's button) when the dialog closes.</param>
    public void Show(Figure figure, Func<ValueTask>? returnFocus = null)
    {
        Current = figure;
        this.returnFocus = returnFocus;
        Changed?.Invoke();
    }

    /// <summary>The full text of the source of <paramref name="figure"/>, for the sentence around its quote.</summary>
    public Task<string?> SourceTextAsync(Figure figure, CancellationToken ct = default) => sourceText(figure.SourceId, ct);

    public void Close()
    {
        Current = null;
        Changed?.Invoke();
    }

    /// <summary>Called by the dialog once it has closed.</summary>
    public async Task ReturnFocusAsync()
    {
        var restore = returnFocus;
        returnFocus = null;
        if (restore is not null) await restore();
    }
}
