using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Queries;

public sealed record ParkSummary(string Code, string NameZh, string NameEn, ParkKind Kind, string? ParentCode, int ObservationCount);

public sealed class ParkQueries(IDbContextFactory<ParkMetricsDbContext> contexts)
{
    /// <summary>Every park and zone, parents before children, with how many figures each holds.</summary>
    public async Task<IReadOnlyList<ParkSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Parks.AsNoTracking()
            .OrderBy(p => p.Kind).ThenBy(p => p.Id)
            .Select(p => new ParkSummary(p.Code, p.NameZh, p.NameEn, p.Kind, p.Parent == null ? null : p.Parent.Code,
                db.Observations.Count(o => o.ParkId == p.Id)))
            .ToListAsync(ct);
    }
}
