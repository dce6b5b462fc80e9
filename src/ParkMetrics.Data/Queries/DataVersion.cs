using Microsoft.EntityFrameworkCore;

namespace ParkMetrics.Data.Queries;

/// <summary>
/// The state of the exported data in a few numbers that one cheap query reads (index ends and catalogs of hundreds of
/// rows, never a scan of the observations): it changes whenever a figure is written, corrected, deleted or restored
/// (each leaves an audit entry), whenever figures are added without one (synthetic data: the highest id moves), and
/// whenever a park, enterprise, indicator, plan or source changes (their rows' transaction ids, summed). The audits
/// among the last thousand ids are counted too, so that a transaction that commits after a later one still shows.
/// </summary>
/// <param name="ChangedAt">The time of the latest audited change, for <c>Last-Modified</c>; null before any.</param>
public sealed record DataVersion(long Observations, long Audits, long RecentAudits, decimal Catalog, DateTimeOffset? ChangedAt)
{
    private const string Sql = """
        SELECT (SELECT coalesce(max("Id"), 0) FROM "Observations") AS "Observations",
               a.last AS "Audits",
               (SELECT count(*) FROM "AuditEntries" WHERE "Id" > a.last - 1000) AS "RecentAudits",
               (SELECT coalesce(sum(xmin::text::bigint), 0) FROM "Parks")
                 + (SELECT coalesce(sum(xmin::text::bigint), 0) FROM "Enterprises")
                 + (SELECT coalesce(sum(xmin::text::bigint), 0) FROM "Indicators")
                 + (SELECT coalesce(sum(xmin::text::bigint), 0) FROM "PlanPeriods")
                 + (SELECT coalesce(sum(xmin::text::bigint), 0) FROM "Sources") AS "Catalog",
               (SELECT "At" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1) AS "ChangedAt"
        FROM (SELECT coalesce(max("Id"), 0) AS last FROM "AuditEntries") a
        """;

    internal static async Task<DataVersion> ReadAsync(ParkMetricsDbContext db, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<DataVersion>(Sql).ToListAsync(ct))[0];
}
