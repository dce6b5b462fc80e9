using ParkMetrics.Benchmarks.Synthetic;
using Npgsql;
using ParkMetrics.Data;
using ParkMetrics.Data.Seeding;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>The app over a database of its own, which it migrates and seeds at startup; subclasses add figures before the tests run.</summary>
public abstract class ExportApp(PostgresServer server) : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public ParkMetricsApp App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await server.CreateDatabaseAsync();
        App = new ParkMetricsApp(ConnectionString);
        Client = App.CreateClient(); // starts the app: migrations and the seed
        using (var health = await Client.GetAsync("/health")) health.EnsureSuccessStatusCode();
        await PrepareAsync();
    }

    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public ParkMetricsDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The seed and nothing else.</summary>
public sealed class SeededExportApp(PostgresServer server) : ExportApp(server);

/// <summary>The export tests that only read the seed share one app and database.</summary>
[CollectionDefinition(nameof(SeededExport))]
public sealed class SeededExport : ICollectionFixture<SeededExportApp>;

/// <summary>The seed plus a synthetic set large enough that an export cannot finish before its client goes away.</summary>
public sealed class SyntheticExportApp(PostgresServer server) : ExportApp(server)
{
    public const int Observations = 200_000;

    protected override async Task PrepareAsync()
    {
        await using var db = CreateContext();
        await SyntheticData.GenerateAsync(db, new SyntheticOptions(Parks: 40, Years: 12, Observations: Observations, Seed: 3));
    }
}
