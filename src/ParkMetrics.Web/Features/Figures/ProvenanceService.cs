using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>Opens the provenance of a figure from anywhere on the page; one per circuit, shown by <c>ProvenanceDialog</c>.</summary>
public sealed class ProvenanceService
{
    public Figure? Current { get; private set; }

    public event Action? Changed;

    public void Show(Figure figure)
    {
        Current = figure;
        Changed?.Invoke();
    }

    public void Close()
    {
        Current = null;
        Changed?.Invoke();
    }
}
