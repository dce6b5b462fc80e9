using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using ParkMetrics.Data;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Catalog;

/// <summary>
/// Base of the catalog editors' tests: each test starts from the real seed in a freshly reset database, with the
/// dashboard's cached catalog read over it, so a test can check that a save shows in the next read.
/// </summary>
public abstract class CatalogTest(MigratedDatabase database) : DatabaseTest(database)
{
    protected const string Admin = "admin@example.org";

    protected IDbContextFactory<ParkMetricsDbContext> Contexts { get; } = new PooledDbContextFactory<ParkMetricsDbContext>(
        new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(database.ConnectionString).Options);

    protected CatalogQueries Catalog { get; private set; } = null!;

    /// <summary>The last audit entry of the seed: a test looks at what came after it.</summary>
    private long seeded;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed);
        await using (var db = Database.CreateContext())
            seeded = await db.AuditEntries.MaxAsync(a => (long?)a.Id, Ct) ?? 0;
        Catalog = new CatalogQueries(new ReadContexts(Contexts), new QueryCache(new MemoryCache(new MemoryCacheOptions())));
    }

    /// <summary>The audit entries of one entity type since the seed, oldest first.</summary>
    protected async Task<IReadOnlyList<AuditEntry>> AuditAsync(string type)
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.Id > seeded).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    protected static string? Field(string? json, string name)
    {
        if (json is null) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty(name, out var p) ? p.ToString() : null;
    }
}
