using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace ParkMetrics.Data.Embedded;

/// <summary>
/// A PostgreSQL server of our own, for machines where no connection string is configured: the cluster lives in a
/// folder that persists between runs and the server listens on a free loopback port while the app runs.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string DatabaseName = "parkmetrics";
    private const string SuperUser = "parkmetrics";

    private readonly string bin;
    private readonly string root;
    private readonly bool ownsServer;

    private EmbeddedPostgres(string bin, string root, int port, string password, bool ownsServer)
    {
        this.bin = bin;
        this.root = root;
        this.ownsServer = ownsServer;
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
    public static string DefaultRoot(string name = "default") => IsRoot
        ? Path.Combine("/var/tmp/parkmetrics", name)
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ParkMetrics", name);

    private static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

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

    /// <summary>Initialises the cluster in <paramref name="root"/> on first use, starts it (or joins a server already running on it) and creates the database.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string root, CancellationToken ct = default)
    {
        var bin = FindBinaries() ?? throw new EmbeddedPostgresException(NoBinariesMessage);
        root = Path.GetFullPath(root);
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        var passwordFile = Path.Combine(root, "password");

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            await InitializeAsync(bin, root, data, passwordFile, ct);
        var password = (await File.ReadAllTextAsync(passwordFile, ct)).Trim();

        if (await RunningPortAsync(bin, root, data, ct) is { } running)
        {
            var joined = new EmbeddedPostgres(bin, root, running, password, ownsServer: false);
            await joined.EnsureDatabaseAsync(ct);
            return joined;
        }

        // The port is free when picked but could be taken before the server binds it: then try another.
        int port;
        for (var attempt = 1; ; attempt++)
        {
            port = FreeLoopbackPort();
            var started = await RunAsync(bin, root, "pg_ctl", StartArguments(data, root, port), ct, throwOnError: attempt == 3);
            if (started.ExitCode == 0) break;
        }
        var server = new EmbeddedPostgres(bin, root, port, password, ownsServer: true);
        await server.EnsureDatabaseAsync(ct);
        return server;
    }

    /// <summary>Stops the server if this instance started it.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (ownsServer && await RunningPortAsync(bin, root, DataDirectory, ct) is not null)
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
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(passwordFile, password, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true); // a half-made cluster from an interrupted first run
        var initPasswordFile = Path.Combine(root, "initdb-password");
        await File.WriteAllTextAsync(initPasswordFile, password, ct);
        try
        {
            if (IsRoot) await RunAsync("/usr/bin", root, "chown", ["postgres:postgres", root, initPasswordFile], ct);
            await RunAsync(bin, root, "initdb", ["-D", data, "-U", SuperUser, "--pwfile", initPasswordFile, "--auth", "scram-sha-256",
                "--encoding", "UTF8", "--no-locale", "--no-instructions"], ct);
        }
        finally
        {
            File.Delete(initPasswordFile);
        }
    }

    private static async Task<int?> RunningPortAsync(string bin, string root, string data, CancellationToken ct)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var status = await RunAsync(bin, root, "pg_ctl", ["status", "-D", data], ct, throwOnError: false);
        if (status.ExitCode != 0) return null;
        // postmaster.pid: line 4 holds the port the running server listens on.
        var lines = await File.ReadAllLinesAsync(pidFile, ct);
        return lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string bin, string workingDirectory, string tool, IReadOnlyList<string> args,
        CancellationToken ct, bool throwOnError = true)
    {
        var executable = Path.Combine(bin, tool);
        var asPostgres = IsRoot && tool != "chown";
        var start = new ProcessStartInfo(asPostgres ? "runuser" : executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres) foreach (var a in (string[])["-u", "postgres", "--", executable]) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["LC_ALL"] = "C";

        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"Could not run {executable}.");
        // pg_ctl start leaves the server holding inherited pipes, so read only until the tool itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), ct)) is var _ && stdout.IsCompleted && stderr.IsCompleted
            ? (await stdout + await stderr).Trim()
            : "";
        if (throwOnError && process.ExitCode != 0)
            throw new EmbeddedPostgresException($"{tool} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {output}");
        return (process.ExitCode, output);
    }
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
