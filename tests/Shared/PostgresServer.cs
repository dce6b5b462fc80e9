using System.Collections.Concurrent;
using Npgsql;
using ParkMetrics.Data.Embedded;

namespace ParkMetrics.Testing;

/// <summary>
/// The PostgreSQL server the test assembly shares: the one named by <c>PARKMETRICS_TEST_DB</c> (a connection string
/// whose user may CREATE DATABASE), else an <see cref="EmbeddedPostgres"/> in a fresh folder that is deleted at the end.
/// Tests never share a database: each asks for its own with <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// Class and collection fixtures take this assembly fixture in their constructor: a <c>TestApp</c> creates its database
/// here, as does a <c>MigratedDatabase</c> for tests without the app.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionStringVariable = "PARKMETRICS_TEST_DB";

    private readonly ConcurrentBag<string> databases = [];
    private EmbeddedPostgres? embedded;
    private string? root;

    /// <summary>A connection string to the server's maintenance database, for creating and dropping databases.</summary>
    public string AdminConnectionString { get; private set; } = "";

    /// <summary>Whether the server was started for this run (so tests may stop it), rather than given.</summary>
    public bool IsEmbedded => embedded is not null;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            return;
        }
        root = NewClusterFolder();
        try
        {
            embedded = await EmbeddedPostgres.StartAsync(root, TestContext.Current.CancellationToken);
        }
        catch
        {
            DeleteFolder(root);
            throw;
        }
        AdminConnectionString = embedded.ConnectionString;
    }

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var name = "pm_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(Admin()))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        databases.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (embedded is null)
        {
            await DropDatabasesAsync();
            return;
        }
        await embedded.DisposeAsync();
        if (root is not null) DeleteFolder(root);
    }

    /// <summary>
    /// A new folder for a cluster. The server runs as user postgres when the tests run as root, and postgres cannot
    /// enter root's home or a private /tmp checkout, so root's clusters live under /var/tmp.
    /// </summary>
    public static string NewClusterFolder()
    {
        var parent = IsRoot ? "/var/tmp/parkmetrics-tests" : Path.Combine(Path.GetTempPath(), "parkmetrics-tests");
        return Path.Combine(parent, Guid.NewGuid().ToString("N"));
    }

    public static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            Thread.Sleep(1000); // a server process that has just stopped may still be closing its files
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        try
        {
            var parent = Path.GetDirectoryName(folder);
            if (parent is not null && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any()) Directory.Delete(parent);
        }
        catch (IOException)
        {
            // another test put a cluster there meanwhile
        }
    }

    private static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private string Admin() => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString;

    private async Task DropDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(Admin());
        await connection.OpenAsync();
        foreach (var name in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
