using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace ParkMetrics.Data.Embedded;

/// <summary>
/// A PostgreSQL server of our own, for machines where no connection string is configured: the cluster lives in a
/// folder that persists between runs and the server listens on a free loopback port while the app runs. The folder is
/// private (0700, ours or, as root, the postgres user's; never a link; never one holding anything but a cluster of
/// ours), its password file 0600. Every process on the folder holds a lease on it; the last one to stop stops the
/// server, so the importer can run beside the app.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string DatabaseName = "parkmetrics";
    private const string SuperUser = "parkmetrics";
    /// <summary>Marks a folder as made by us: only such a folder's contents are ever deleted.</summary>
    private const string MarkerFile = ".parkmetrics-cluster";

    private readonly string bin;
    private readonly string root;
    private FileStream? lease;
    private readonly Lock stopGate = new();
    private Task? stopping;

    private EmbeddedPostgres(string bin, string root, int port, string password, FileStream lease)
    {
        this.bin = bin;
        this.root = root;
        this.lease = lease;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = SuperUser, Password = password, Database = DatabaseName,
        }.ConnectionString;
    }

    public const string NoBinariesMessage =
        "PostgreSQL server binaries were not found on PATH or in /usr/lib/postgresql/*/bin. " +
        "Install PostgreSQL (for example `apt-get install postgresql`) or set the connection string " +
        "ConnectionStrings:ParkMetrics (environment variable ConnectionStrings__ParkMetrics) to an existing server.";

    public int Port { get; }
    public string ConnectionString { get; }
    public string DataDirectory => Path.Combine(root, "data");

    /// <summary>
    /// Where the cluster lives unless configured otherwise. The server refuses to run as root and runs as user
    /// <c>postgres</c> instead, who cannot enter root's home, so root's cluster lives under /var/tmp.
    /// </summary>
    public static string DefaultRoot(string name = "default") => SystemTool.IsRoot
        ? Path.Combine("/var/tmp/parkmetrics", name)
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ParkMetrics", name);

    /// <summary>The folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>: from PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinaries() => FindBinaries(Environment.GetEnvironmentVariable("PATH") ?? "", "/usr/lib/postgresql");

    public static string? FindBinaries(string pathVariable, string debian)
    {
        static bool Has(string dir) => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb"));
        var fromPath = pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(Has);
        if (fromPath is not null) return fromPath;
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(d => Has(d.Dir))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    /// <summary>
    /// Initialises the cluster in <paramref name="root"/> on first use, starts it (or joins a server already running on
    /// it) and creates the database. The instance holds a lease on the folder until it is stopped or disposed.
    /// </summary>
    public static async Task<EmbeddedPostgres> StartAsync(string root, CancellationToken ct = default)
    {
        var bin = FindBinaries() ?? throw new EmbeddedPostgresException(NoBinariesMessage);
        root = Path.GetFullPath(root);
        await ClusterFolder.PrepareAsync(root, MarkerFile, ct);
        var data = Path.Combine(root, "data");
        var passwordFile = Path.Combine(root, "password");

        await using var starting = await ClusterFolder.LockAsync(Path.Combine(root, "start.lock"), ct);
        var lease = ClusterFolder.Lease(Path.Combine(root, "lease"));
        try
        {
            if (!File.Exists(Path.Combine(data, "PG_VERSION")))
                await InitializeAsync(bin, root, data, passwordFile, ct);
            var password = ClusterFolder.ReadSecret(passwordFile);

            if (await RunningPortAsync(bin, root, data, ct) is not { } port)
            {
                // The port is free when picked but could be taken before the server binds it: then try another.
                for (var attempt = 1; ; attempt++)
                {
                    port = FreeLoopbackPort();
                    var started = await RunAsync(bin, root, "pg_ctl", StartArguments(data, root, port), ct, throwOnError: attempt == 3);
                    if (started.ExitCode == 0) break;
                }
            }
            var server = new EmbeddedPostgres(bin, root, port, password, lease);
            await server.EnsureDatabaseAsync(ct);
            return server;
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Gives up this instance's lease and stops the server if no other instance, in any process, holds one. Called again
    /// (the host stopping and disposing, at once), it waits for the same stop instead of giving up the lease twice.
    /// </summary>
    public Task StopAsync(CancellationToken ct = default)
    {
        lock (stopGate) return stopping ??= StopOnceAsync(ct);
    }

    private async Task StopOnceAsync(CancellationToken ct)
    {
        if (lease is null) return;
        await using var stopping = await ClusterFolder.LockAsync(Path.Combine(root, "start.lock"), ct);
        await lease.DisposeAsync();
        lease = null;
        await using var last = ClusterFolder.TryLeaseAlone(Path.Combine(root, "lease"));
        if (last is not null && await RunningPortAsync(bin, root, DataDirectory, ct) is not null)
            await RunAsync(bin, root, "pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], ct);
    }

    /// <summary>Stops the server even if another instance started it (for tests that take the database away).</summary>
    public Task KillAsync(CancellationToken ct = default) =>
        RunAsync(bin, root, "pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60"], ct);

    /// <summary>Starts the server again on the same port after <see cref="KillAsync"/>.</summary>
    public Task RestartAsync(CancellationToken ct = default) => RunAsync(bin, root, "pg_ctl", StartArguments(DataDirectory, root, Port), ct);

    // pg_ctl hands -o to a shell, so '' is an empty value: no Unix socket, only the loopback TCP port.
    private static string[] StartArguments(string data, string root, int port) =>
        ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(root, "postgres.log"),
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"];

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task InitializeAsync(string bin, string root, string data, string passwordFile, CancellationToken ct)
    {
        // A half-made cluster from an interrupted first run; the folder is ours (checked by ClusterFolder), so is this.
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        ClusterFolder.WriteSecret(passwordFile, password);
        var initPasswordFile = Path.Combine(root, "initdb-password");
        ClusterFolder.WriteSecret(initPasswordFile, password);
        try
        {
            if (SystemTool.IsRoot) await SystemTool.RunAsync("chown", ["--no-dereference", "postgres:postgres", initPasswordFile], ct);
            await RunAsync(bin, root, "initdb", ["-D", data, "-U", SuperUser, "--pwfile", initPasswordFile, "--auth", "scram-sha-256",
                "--encoding", "UTF8", "--no-locale", "--no-instructions"], ct);
        }
        finally
        {
            File.Delete(initPasswordFile);
        }
    }

    /// <summary>
    /// The port of the server running on <paramref name="data"/>, or null. A <c>postmaster.pid</c> whose process is gone,
    /// or is now another program (its PID reused after a crash or a container restart), is stale: it is removed, as the
    /// server would refuse to start beside it. Called with the start lock held, so no server of ours is half-started.
    /// </summary>
    private static async Task<int?> RunningPortAsync(string bin, string root, string data, CancellationToken ct)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        ClusterFolder.RefuseLink(pidFile);
        // postmaster.pid: line 1 holds the server's PID, line 4 the port it listens on.
        var lines = await File.ReadAllLinesAsync(pidFile, ct);
        var pid = lines.Length > 0 && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var p) ? p : 0;
        var alive = OperatingSystem.IsLinux()
            ? IsPostmasterOf(pid, data)
            : (await RunAsync(bin, root, "pg_ctl", ["status", "-D", data], ct, throwOnError: false)).ExitCode == 0;
        if (!alive)
        {
            File.Delete(pidFile);
            return null;
        }
        return lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    /// <summary>Whether process <paramref name="pid"/> is a PostgreSQL server started on <paramref name="data"/> (its command line says -D data).</summary>
    private static bool IsPostmasterOf(int pid, string data)
    {
        if (pid <= 0) return false;
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var dataArgument = Array.IndexOf(arguments, "-D");
            return Path.GetFileName(arguments[0]) == "postgres" && dataArgument >= 0 && dataArgument + 1 < arguments.Length
                && Path.GetFullPath(arguments[dataArgument + 1]) == Path.GetFullPath(data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // no such process
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A PostgreSQL server tool from <paramref name="bin"/>, run as user postgres when this is root.</summary>
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string bin, string root, string tool, IReadOnlyList<string> args,
        CancellationToken ct, bool throwOnError = true) =>
        SystemTool.RunAsync(Path.Combine(bin, tool), args, ct, asPostgres: true, workingDirectory: root, throwOnError: throwOnError);
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
