using Microsoft.EntityFrameworkCore;

namespace ParkMetrics.Data.Queries;

/// <summary>
/// Contexts for the dashboard's and the export's reads: on a read replica when <c>ConnectionStrings:ParkMetricsReadOnly</c>
/// is set (a replica lags the primary by moments, so an admin's own saves are read back from the primary), else on
/// the primary itself.
/// </summary>
public sealed class ReadContexts(IDbContextFactory<ParkMetricsDbContext> contexts) : IDbContextFactory<ParkMetricsDbContext>
{
    public ParkMetricsDbContext CreateDbContext() => contexts.CreateDbContext();

    public Task<ParkMetricsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        contexts.CreateDbContextAsync(cancellationToken);
}
