using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using ParkMetrics.Data;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;
using Respawn;

namespace ParkMetrics.IntegrationTests.Infrastructure;

/// <summary>
/// A database of one test class: created on the shared <see cref="PostgresServer"/>, migrated once, and emptied with
/// Respawn before each test (<see cref="DatabaseTest"/>). The migrations' own rows (the history and the plan periods)
/// are kept.
/// </summary>
public sealed class MigratedDatabase(PostgresServer server) : IAsyncLifetime
{
    private Respawner? respawner;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await server.CreateDatabaseAsync();
        await using (var db = CreateContext()) await db.Database.MigrateAsync();
        await using var connection = await OpenAsync();
        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory", "PlanPeriods"],
        });
    }

    public ParkMetricsDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>Contexts on this database, as the app's services get them.</summary>
    public IDbContextFactory<ParkMetricsDbContext> Contexts => contexts ??= new PooledDbContextFactory<ParkMetricsDbContext>(
        new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(ConnectionString).Options);

    private IDbContextFactory<ParkMetricsDbContext>? contexts;

    /// <summary>The figure writer on this database (no read cache).</summary>
    public FigureWriter Writer => new(Contexts);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task ResetAsync()
    {
        await using var connection = await OpenAsync();
        await respawner!.ResetAsync(connection);
    }

    /// <summary>
    /// Loads the seed in <paramref name="directory"/> (with the articles' texts in <paramref name="articles"/>, if given) and
    /// writes it, as <c>ParkMetrics.Import seed</c> does.
    /// </summary>
    public Task<SeedResult> SeedAsync(string directory, string? articles = null) =>
        Writer.SeedAsync(SeedSet.Load(directory, articles), "seed@example.org");

    public Task<IReadOnlyList<string>> DumpAsync(bool withSequences = true) => DatabaseDump.AllTablesAsync(ConnectionString, withSequences);

    /// <summary>The database goes with the server (dropped, or deleted with the embedded cluster).</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
