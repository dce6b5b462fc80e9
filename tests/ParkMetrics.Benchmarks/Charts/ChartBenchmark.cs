using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Benchmarks.Charts;

/// <summary>
/// Times the query behind an indicator's chart (<see cref="FigureQueries.ChartQuery"/>, as the app runs it through EF
/// Core) and prints PostgreSQL's plan for it with the indexes of the observations, as Markdown.
/// </summary>
internal static class ChartBenchmark
{
    public static async Task RunAsync(ParkMetricsDbContext db, string indicator, int parkCount, int runs, TextWriter output)
    {
        var parks = await FigureQueries.ChartParksQuery(db, indicator).OrderBy(code => code).Take(parkCount).ToListAsync();
        if (parks.Count == 0) throw new InvalidOperationException($"No park reports the indicator '{indicator}'.");
        var rows = 0;
        for (var i = 0; i < 5; i++) rows = (await FigureQueries.ChartQuery(db, indicator, parks).ToListAsync()).Count; // warm up

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await FigureQueries.ChartQuery(db, indicator, parks).ToListAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];

        var total = await db.Observations.LongCountAsync();
        output.WriteLine(Invariant($"RESULT {total} {rows} {Percentile(0.5):0.00} {Percentile(0.95):0.00} {times[^1]:0.00}"));
        output.WriteLine(Invariant($"Indicator `{indicator}`, parks {string.Join(", ", parks)}: {rows} rows, {runs} runs."));
        output.WriteLine();
        output.WriteLine("```");
        await using (var command = FigureQueries.ChartQuery(db, indicator, parks).CreateDbCommand())
        {
            command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
            await db.Database.OpenConnectionAsync();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) output.WriteLine(reader.GetString(0));
        }
        output.WriteLine("```");
        output.WriteLine();
        output.WriteLine("Indexes of `Observations`:");
        output.WriteLine();
        foreach (var definition in await db.Database.SqlQuery<string>($"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'Observations' ORDER BY indexname").ToListAsync())
            output.WriteLine($"- `{definition}`");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
