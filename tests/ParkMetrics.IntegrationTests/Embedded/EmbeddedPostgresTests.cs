using Npgsql;
using ParkMetrics.Data.Embedded;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Embedded;

/// <summary>
/// Each test runs a cluster of its own in a fresh folder (not the shared <see cref="PostgresServer"/>), stops it
/// however the test left it, and deletes the folder.
/// </summary>
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly string root = PostgresServer.NewClusterFolder();
    private readonly List<EmbeddedPostgres> servers = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task StartAsync_AfterStopAsyncOnTheSameRoot_KeepsTheData()
    {
        var first = await StartAsync();
        await ExecuteAsync(first, "CREATE TABLE kept (id int PRIMARY KEY, name text); INSERT INTO kept VALUES (1, '十四五'), (2, 'fyp14');");

        await first.StopAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(first, "SELECT 1"));
        var second = await StartAsync();

        Assert.Equal(["1 十四五", "2 fyp14"], await QueryAsync(second, "SELECT id || ' ' || name FROM kept ORDER BY id"));
    }

    [Fact]
    public async Task RestartAsync_AfterKillAsync_ListensOnTheSamePortWithCommittedData()
    {
        var server = await StartAsync();
        await ExecuteAsync(server, "CREATE TABLE kept (id int PRIMARY KEY); INSERT INTO kept VALUES (42);");

        await server.KillAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(server, "SELECT 1"));
        await server.RestartAsync(TestContext.Current.CancellationToken);

        // The connection string the server was started with, port included, still reaches it.

        Assert.Equal(["42"], await QueryAsync(server, "SELECT id::text FROM kept"));
    }

    [Fact]
    public async Task StartAsync_ServerAlreadyRunningOnTheRoot_JoinsItAndLeavesItRunningOnDispose()
    {
        var owner = await StartAsync();

        var joined = await StartAsync();
        Assert.Equal(owner.Port, joined.Port);
        await joined.DisposeAsync();

        Assert.Equal(["1"], await QueryAsync(owner, "SELECT 1::text"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            try { await server.KillAsync(); }
            catch (EmbeddedPostgresException) { } // not running
        }
        PostgresServer.DeleteFolder(root);
    }

    private async Task<EmbeddedPostgres> StartAsync()
    {
        if (EmbeddedPostgres.FindBinaries() is null)
            Assert.Skip("PostgreSQL server binaries (initdb, pg_ctl) are not on PATH or in /usr/lib/postgresql/*/bin.");
        var server = await EmbeddedPostgres.StartAsync(root, TestContext.Current.CancellationToken);
        servers.Add(server);
        return server;
    }

    private static string Unpooled(EmbeddedPostgres server) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;

    private static async Task ExecuteAsync(EmbeddedPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(server));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static Task<IReadOnlyList<string>> QueryAsync(EmbeddedPostgres server, string sql) => DatabaseDump.QueryAsync(Unpooled(server), sql);

    [Fact]
    public void FindBinaries_NeitherOnPathNorInstalled_ReturnsNull()
    {
        var empty = Directory.CreateTempSubdirectory("pm-nobin");
        try
        {
            Assert.Null(EmbeddedPostgres.FindBinaries(empty.FullName, Path.Combine(empty.FullName, "postgresql")));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void FindBinaries_DebianLayout_PicksTheNewestVersion()
    {
        var packages = Directory.CreateTempSubdirectory("pm-debian");
        try
        {
            foreach (var version in (string[])["9.6", "15", "13"])
            {
                var bin = Directory.CreateDirectory(Path.Combine(packages.FullName, version, "bin")).FullName;
                File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
                File.WriteAllText(Path.Combine(bin, "initdb"), "");
            }
            Assert.Equal(Path.Combine(packages.FullName, "15", "bin"), EmbeddedPostgres.FindBinaries("", packages.FullName));
        }
        finally
        {
            packages.Delete(recursive: true);
        }
    }

    [Fact]
    public void NoBinariesMessage_SaysWhatToInstallAndWhatToConfigure()
    {
        Assert.Contains("apt-get install postgresql", EmbeddedPostgres.NoBinariesMessage, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__ParkMetrics", EmbeddedPostgres.NoBinariesMessage, StringComparison.Ordinal);
    }
}
