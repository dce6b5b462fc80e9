using System.Diagnostics;

namespace ParkMetrics.Data.Embedded;

/// <summary>Runs the system's tools (initdb, pg_ctl, chown, id, stat) for the embedded server, in the C locale.</summary>
internal static class SystemTool
{
    /// <summary>True when this process runs as root, whom the server refuses: its tools then run as user postgres.</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>
    /// Runs <paramref name="executable"/> (as user postgres when <paramref name="asPostgres"/> and this is root) and gives
    /// its exit code and what it wrote; an exit code other than 0 throws when <paramref name="throwOnError"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string executable, IReadOnlyList<string> args,
        CancellationToken ct, bool asPostgres = false, string? workingDirectory = null, bool throwOnError = true)
    {
        var runAs = asPostgres && IsRoot;
        var start = new ProcessStartInfo(runAs ? "runuser" : executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        if (runAs) foreach (var a in (string[])["-u", "postgres", "--", executable]) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["LC_ALL"] = "C";

        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"Could not run {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        // pg_ctl start leaves the server holding inherited pipes: read only until the tool itself has exited.
        await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(TimeSpan.FromSeconds(2), ct));
        var (written, complained) = (output.IsCompletedSuccessfully ? output.Result : "", error.IsCompletedSuccessfully ? error.Result : "");
        if (throwOnError && process.ExitCode != 0)
            throw new EmbeddedPostgresException(
                $"{Path.GetFileName(executable)} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {(written + complained).Trim()}");
        return (process.ExitCode, written, complained);
    }
}
