using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data;
using ParkMetrics.Data.Seeding;
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

    /// <summary>Loads the seed in <paramref name="directory"/> and imports it, as <c>ParkMetrics.Import seed</c> does.</summary>
    public async Task<SeedResult> SeedAsync(string directory)
    {
        var seed = SeedSet.Load(directory);
        await using var db = CreateContext();
        return await SeedImporter.ImportAsync(db, seed);
    }

    public Task<IReadOnlyList<string>> DumpAsync(bool withSequences = true) => DatabaseDump.AllTablesAsync(ConnectionString, withSequences);

    /// <summary>The database goes with the server (dropped, or deleted with the embedded cluster).</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
