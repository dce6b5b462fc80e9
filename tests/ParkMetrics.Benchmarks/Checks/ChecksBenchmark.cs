using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ParkMetrics.Data;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Benchmarks.Checks;

/// <summary>
/// Times the consistency checks over every figure the database holds, as the app runs them (<see cref="ConsistencyChecks.RunAsync"/>,
/// without its cache): reading the figures, running the rules and writing the findings out, best of <c>runs</c> after a
/// warm-up; then how many findings each rule and severity gave.
/// </summary>
internal static class ChecksBenchmark
{
    public static async Task RunAsync(ParkMetricsDbContext db, int runs, TextWriter output)
    {
        var contexts = new PooledDbContextFactory<ParkMetricsDbContext>(
            new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(db.Database.GetConnectionString()).Options);
        var checks = new ConsistencyChecks(contexts);
        var report = await checks.RunAsync(); // warm up
        var reports = new List<CheckReport>(runs);
        for (var i = 0; i < runs; i++) reports.Add(await checks.RunAsync());
        var best = reports.MinBy(r => r.Elapsed)!;
        reports.Sort((a, b) => a.Elapsed.CompareTo(b.Elapsed));
        var median = reports[reports.Count / 2];
        var memory = GC.GetTotalMemory(forceFullCollection: false) / 1024 / 1024;
        output.WriteLine(Invariant($"RESULT {best.FigureCount} {best.Elapsed.TotalSeconds:0.00} {median.Elapsed.TotalSeconds:0.00} {best.Reading.TotalSeconds:0.00} {best.Checking.TotalSeconds:0.00} {best.Writing.TotalSeconds:0.00} {best.Findings.Count} {Environment.ProcessorCount} {memory}"));
        output.WriteLine();
        output.WriteLine("| rule | contradiction | implausible | note |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var rule in Enum.GetValues<CheckRule>())
        {
            int Count(Severity s) => best.Findings.Count(f => f.Rule == rule && f.Severity == s);
            output.WriteLine(Invariant($"| `{EnumCode.Of(rule)}` | {Count(Severity.Contradiction)} | {Count(Severity.Implausible)} | {Count(Severity.Note)} |"));
        }
        output.WriteLine();
        foreach (var f in best.Findings.Where(f => !f.Figures.Any(x => x.Figure.ParkCode.StartsWith("synth-", StringComparison.Ordinal))).Take(20))
            output.WriteLine($"- seed: {f.SentenceEn}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
