using System.Diagnostics;
using Npgsql;
using ParkMetrics.Data.Embedded;

namespace ParkMetrics.Data.Maintenance;

/// <summary>
/// Backs a database up to one file and restores it, with <c>pg_dump</c> and <c>pg_restore</c> of the PostgreSQL installed
/// beside the embedded server's binaries, in their custom format (compressed, restorable table by table). Works the
/// same for the embedded database and a configured one; the connection's password goes to the tools in their
/// environment, never on a command line.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Writes the whole database (schema, rows, sequences, the data-protection keys) to <paramref name="file"/>.</summary>
    public static async Task BackupAsync(string connectionString, string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        var partial = target + ".partial";
        try
        {
            await RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], ct);
            File.Move(partial, target, overwrite: true); // a dump cut short never stands under the name asked for
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Restores <paramref name="file"/> into the connection's database in one transaction, replacing the tables it holds
    /// (best into a new, empty database; stop the app first when restoring over the one it uses). On any error nothing
    /// is restored.
    /// </summary>
    public static async Task RestoreAsync(string connectionString, string file, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new BackupException($"No backup at {source}.");
        await RunAsync("pg_restore", connectionString,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", Database(connectionString), source], ct);
    }

    private static string Database(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new BackupException("The connection string names no database.");

    private static async Task RunAsync(string tool, string connectionString, IReadOnlyList<string> args, CancellationToken ct)
    {
        var bin = EmbeddedPostgres.FindBinaries() ?? throw new BackupException(EmbeddedPostgres.NoBinariesMessage);
        // pg_ctl on PATH may be a link into the installation (/usr/lib/postgresql/15/bin): its pg_dump is the one to use.
        var installed = Path.GetDirectoryName(new FileInfo(Path.Combine(bin, "pg_ctl")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "");
        if (installed is not null && File.Exists(Path.Combine(installed, tool))) bin = installed;
        var executable = Path.Combine(bin, tool);
        if (!File.Exists(executable)) throw new BackupException($"{tool} is not in {bin}: install the PostgreSQL client (apt-get install postgresql-client).");
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (tool == "pg_dump") start.ArgumentList.Add(Database(connectionString));
        start.Environment["PGHOST"] = connection.Host ?? "localhost";
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (connection.Username is { } user) start.Environment["PGUSER"] = user;
        if (connection.Password is { } password) start.Environment["PGPASSWORD"] = password;
        start.Environment["PGCONNECT_TIMEOUT"] = "15";
        start.Environment["LC_ALL"] = "C";

        using var process = Process.Start(start) ?? throw new BackupException($"Could not run {executable}.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = ((await stdout) + (await stderr)).Trim();
        if (process.ExitCode != 0) throw new BackupException($"{tool} failed with exit code {process.ExitCode}: {output}");
    }
}

public sealed class BackupException(string message) : Exception(message);
