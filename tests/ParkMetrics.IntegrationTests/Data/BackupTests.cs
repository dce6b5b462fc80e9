using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Maintenance;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Data;

/// <summary>A backup restored into a new database holds the same figures, history and sequences, and exports the same bytes.</summary>
public sealed class BackupTests(MigratedDatabase database, PostgresServer server) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RestoreAsync_BackupIntoAFreshDatabase_HasEveryRowAndTheSameCsvExport()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var editor = new FigureEditor(Database.Contexts, Database.Writer);
        var grid = await editor.LoadAsync("ganhe", 2031, Ct);
        var row = grid.Rows.Single(r => r.IndicatorCode == "industrial_investment");
        await editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, null, null, 7.25m, Qualifier.Approx, "录入", grid.StatisticsOfficeSourceId, "月报")], "admin@example.org", Ct);
        var file = Path.Combine(Path.GetTempPath(), $"parkmetrics-{Guid.NewGuid():N}.backup");
        var fresh = await server.CreateDatabaseAsync(Ct);
        try
        {
            await DatabaseBackup.BackupAsync(Database.ConnectionString, file, Ct);
            await DatabaseBackup.RestoreAsync(fresh, file, Ct);

            Assert.Equal(await RowsAsync(Database.ConnectionString), await RowsAsync(fresh));
            Assert.Equal(await ExportAsync(Database.ConnectionString), await ExportAsync(fresh));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RestoreAsync_FileThatIsNoBackup_FailsSayingSoAndChangesNothing()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var file = Path.Combine(Path.GetTempPath(), $"parkmetrics-{Guid.NewGuid():N}.backup");
        await File.WriteAllTextAsync(file, "park,value\n", Ct);
        var before = await Database.DumpAsync();
        try
        {
            var e = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.RestoreAsync(Database.ConnectionString, file, Ct));

            Assert.Contains("pg_restore", e.Message, StringComparison.Ordinal);
            Assert.Equal(before, await Database.DumpAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every table's rows as text (without xmin, which a restore renews) and every sequence's position.</summary>
    private static async Task<IReadOnlyList<string>> RowsAsync(string connectionString) =>
        [.. (await DatabaseDump.AllTablesAsync(connectionString)).Select(line => System.Text.RegularExpressions.Regex.Replace(line, @" xmin=\d+ ", " "))];

    private static async Task<byte[]> ExportAsync(string connectionString)
    {
        await using var app = await TestApp.StartAsync(new() { ConnectionString = connectionString });
        using var client = app.CreateClient();
        return await client.GetByteArrayAsync("/api/observations.csv", Ct);
    }
}
