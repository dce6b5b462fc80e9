namespace ParkMetrics.Data.Queries;

/// <summary>
/// Told after every committed write of figures, sources or catalog entries (by the one writer, the catalog editors, a
/// seed or an import in this process), once <see cref="QueryCache"/> has forgotten its reads: the web app evicts its
/// output cache here, so that a page shows the new figure at once. Implementations must not throw.
/// </summary>
public interface IDataChangeListener
{
    ValueTask DataChangedAsync(CancellationToken ct);
}
