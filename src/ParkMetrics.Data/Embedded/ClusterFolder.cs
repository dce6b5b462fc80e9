using System.Globalization;

namespace ParkMetrics.Data.Embedded;

/// <summary>
/// The folder of the embedded cluster, kept private: created 0700 (and, as root, given to the postgres user the server
/// runs as), refused when it is a link, belongs to someone else or holds files that are not a cluster of ours; secrets
/// written 0600 without following links; locks that serialise starting and stopping, and leases that count its users.
/// </summary>
internal static class ClusterFolder
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Shared = Private | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);

    /// <summary>Creates <paramref name="root"/> private, or checks that an existing one is ours and makes it private.</summary>
    public static async Task PrepareAsync(string root, string markerFile, CancellationToken ct)
    {
        var marker = Path.Combine(root, markerFile);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
            return;
        }
        var parent = Path.GetDirectoryName(root) ?? throw new EmbeddedPostgresException($"{root} has no parent folder.");
        if (!Directory.Exists(parent)) Directory.CreateDirectory(parent, Shared); // the server's user must pass through it
        var owners = OperatingSystem.IsLinux() ? await OwnersAsync(ct) : null;
        if (owners is not null) await CheckParentAsync(parent, owners.Value.Self, ct);

        if (!Path.Exists(root))
        {
            Directory.CreateDirectory(root, Private);
            await File.WriteAllTextAsync(marker, "A PostgreSQL cluster of ParkMetrics; everything here may be deleted with it.\n", ct);
        }
        else
        {
            RefuseLink(root);
            if (!Directory.Exists(root)) throw new EmbeddedPostgresException($"{root} is a file, not a folder: set Database:DataDirectory to a folder of its own.");
            if (owners is not null)
            {
                var (owner, name, _) = await StatAsync(root, ct);
                if (owner != owners.Value.Self && owner != owners.Value.Server)
                    throw new EmbeddedPostgresException($"{root} belongs to user {name}, not to this user: refusing a database folder someone else could have planted. " +
                        "Remove it, or set Database:DataDirectory to a folder of your own.");
            }
            var ours = File.Exists(marker) || File.Exists(Path.Combine(root, "data", "PG_VERSION")); // the latter: made before the marker existed
            if (!ours && Directory.EnumerateFileSystemEntries(root).Any())
                throw new EmbeddedPostgresException($"{root} holds other files and no ParkMetrics database: set Database:DataDirectory to a new or empty folder " +
                    "(nothing in it was changed).");
            if (!File.Exists(marker)) await File.WriteAllTextAsync(marker, "A PostgreSQL cluster of ParkMetrics; everything here may be deleted with it.\n", ct);
            File.SetUnixFileMode(root, Private);
        }
        foreach (var entry in (string[])["data", "password", "postgres.log", "lease", "start.lock", "initdb-password"])
            RefuseLink(Path.Combine(root, entry));
        if (SystemTool.IsRoot) await RunAsync("chown", ["--no-dereference", "postgres:postgres", root], ct);
    }

    /// <summary>A link where a file of the cluster should be is refused: following it would write or read elsewhere.</summary>
    public static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is { } target)
            throw new EmbeddedPostgresException($"{path} is a link (to {target}): refusing to follow it. Remove it.");
    }

    /// <summary>Writes <paramref name="text"/> to a new file readable by its owner only, replacing a file (never a link's target) there.</summary>
    public static void WriteSecret(string path, string text)
    {
        File.Delete(path); // a link is removed, not followed
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = Secret; // created 0600, never readable by others for a moment
        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.Write(text);
    }

    public static string ReadSecret(string path)
    {
        RefuseLink(path);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~Secret) != 0) File.SetUnixFileMode(path, Secret);
        return File.ReadAllText(path).Trim();
    }

    /// <summary>Waits for the exclusive lock of <paramref name="path"/> (advisory, released when the process dies).</summary>
    public static async Task<FileStream> LockAsync(string path, CancellationToken ct)
    {
        RefuseLink(path);
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
            catch (IOException)
            {
                throw new EmbeddedPostgresException($"Another process has been starting or stopping the database in {Path.GetDirectoryName(path)} " +
                    $"for {LockWait.TotalMinutes:0} minutes: is it stuck? Stop it and try again.");
            }
        }
    }

    /// <summary>A shared lock on <paramref name="path"/>: one per user of the cluster, held while it runs.</summary>
    public static FileStream Lease(string path)
    {
        RefuseLink(path);
        return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
    }

    /// <summary>The lease file locked exclusively when nobody else holds a lease, else null.</summary>
    public static FileStream? TryLeaseAlone(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A parent someone else may write to could swap the cluster's folder: refused unless sticky, as /tmp is.</summary>
    private static async Task CheckParentAsync(string parent, int self, CancellationToken ct)
    {
        var (owner, name, mode) = await StatAsync(parent, ct);
        var othersWrite = (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;
        if ((owner != self && owner != 0) || (othersWrite && (mode & UnixFileMode.StickyBit) == 0))
            throw new EmbeddedPostgresException($"{parent} belongs to user {name} or may be changed by others: the database folder in it could be swapped. " +
                "Set Database:DataDirectory to a folder in one of your own.");
    }

    /// <summary>This process's user id, and the id of the user the server runs as (postgres when this is root).</summary>
    private static async Task<(int Self, int Server)?> OwnersAsync(CancellationToken ct)
    {
        var self = int.Parse((await RunAsync("id", ["-u"], ct)).Trim(), CultureInfo.InvariantCulture);
        var server = SystemTool.IsRoot ? int.Parse((await RunAsync("id", ["-u", "postgres"], ct)).Trim(), CultureInfo.InvariantCulture) : self;
        return (self, server);
    }

    /// <summary>The owner (id and name) and mode of <paramref name="path"/> itself, a link not followed.</summary>
    private static async Task<(int Owner, string Name, UnixFileMode Mode)> StatAsync(string path, CancellationToken ct)
    {
        var fields = (await RunAsync("stat", ["--format=%u %U %a", "--", path], ct)).Trim().Split(' ');
        return (int.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], (UnixFileMode)Convert.ToInt32(fields[2], 8));
    }

    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> args, CancellationToken ct) =>
        (await SystemTool.RunAsync(tool, args, ct)).Output;
}
