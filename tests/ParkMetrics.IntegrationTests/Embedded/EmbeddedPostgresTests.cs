using System.Diagnostics;
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

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task StartAsync_NewFolder_IsPrivateAndItsPasswordReadableByItsOwnerOnly()
    {
        await StartAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(root, "password")));
    }

    [Fact]
    public async Task StartAsync_FolderHoldingOtherFiles_IsRefusedAndNothingInItIsDeleted()
    {
        // A DataDirectory pointing at the repository: its data/ folder is not a cluster and must survive.
        var seed = Path.Combine(root, "data", "seed", "observations.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(seed)!);
        await File.WriteAllTextAsync(seed, "park,value\n", Ct);

        var e = await Assert.ThrowsAsync<EmbeddedPostgresException>(StartAsync);

        Assert.Contains("holds other files", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(seed));
    }

    [Fact]
    public async Task StartAsync_FolderOfAnotherUser_IsRefused()
    {
        if (Environment.UserName != "root") Assert.Skip("Only root can give a folder to another user.");
        Directory.CreateDirectory(root);
        await RunAsync("chown", "nobody", root);

        var e = await Assert.ThrowsAsync<EmbeddedPostgresException>(StartAsync);

        Assert.Contains("belongs to user nobody", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public async Task StartAsync_FolderIsALink_IsRefused()
    {
        var target = Directory.CreateDirectory(root + "-target").FullName;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(root)!);
            File.CreateSymbolicLink(root, target);

            var e = await Assert.ThrowsAsync<EmbeddedPostgresException>(StartAsync);

            Assert.Contains("is a link", e.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(target));
        }
        finally
        {
            File.Delete(root);
            Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_PasswordFileReplacedByALink_IsRefused()
    {
        var first = await StartAsync();
        await first.StopAsync(Ct);
        var password = Path.Combine(root, "password");
        File.Delete(password);
        File.CreateSymbolicLink(password, "/etc/hostname");

        var e = await Assert.ThrowsAsync<EmbeddedPostgresException>(StartAsync);

        Assert.Contains("is a link", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_OfTheInstanceThatStartedTheServer_LeavesItToTheOtherLeaseHolderWhoseStopEndsIt()
    {
        var starter = await StartAsync();
        var other = await StartAsync(); // the importer beside the app

        await starter.StopAsync(Ct);
        Assert.Equal(["1"], await QueryAsync(other, "SELECT 1::text"));
        await other.StopAsync(Ct);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(other, "SELECT 1"));
        Assert.False(File.Exists(Path.Combine(other.DataDirectory, "postmaster.pid")));
    }

    [Fact]
    public async Task StartAsync_StalePidFileWhosePidIsNowAnotherProgram_StartsTheServerAnyway()
    {
        var first = await StartAsync();
        var data = first.DataDirectory;
        await first.StopAsync(Ct);
        // After a crash or a container restart the PID in postmaster.pid may belong to another program of the same user.
        using var other = StartAsServerUser("sh", "-c", "echo $$; exec sleep 120");
        var pid = (await other.StandardOutput.ReadLineAsync(Ct))!.Trim();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(data, "postmaster.pid"), $"{pid}\n{data}\n1700000000\n1\n\n127.0.0.1\n  1234567     0\nready   \n", Ct);
            if (Environment.UserName == "root") await RunAsync("chown", "postgres:postgres", Path.Combine(data, "postmaster.pid"));

            var second = await StartAsync();

            Assert.Equal(["1"], await QueryAsync(second, "SELECT 1::text"));
            Assert.False(other.HasExited, "the other program is left alone");
        }
        finally
        {
            other.Kill();
        }
    }

    private static Process StartAsServerUser(params string[] command)
    {
        var start = new ProcessStartInfo(Environment.UserName == "root" ? "runuser" : command[0]) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in Environment.UserName == "root" ? ["-u", "postgres", "--", .. command] : command[1..]) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        using var process = Process.Start(tool, args);
        await process.WaitForExitAsync(Ct);
        Assert.Equal(0, process.ExitCode);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
