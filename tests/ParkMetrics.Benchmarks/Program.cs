using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Benchmarks;
using ParkMetrics.Benchmarks.Charts;
using ParkMetrics.Benchmarks.Checks;
using ParkMetrics.Benchmarks.Circuits;
using ParkMetrics.Benchmarks.Intake;
using ParkMetrics.Benchmarks.Synthetic;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;

// Benchmarks that need more than a shell script, and the synthetic data they measure on: none of it ships with the app.
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int IntOption(string name, int? fallback = null) =>
    Option(name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"{args[0]} needs {name} N.");

try
{
    return args.FirstOrDefault() switch
    {
        "circuits" => await CircuitsBenchmark.RunAsync(args[1..]),
        "intake" => IntakeBenchmark.Run(args[1..]),
        "synth" => await SynthAsync(),
        "bench-chart" => await BenchDatabase.WithContextAsync(Option("--connection"), Option("--data-dir"), async db =>
        {
            await ChartBenchmark.RunAsync(db, Option("--indicator") ?? "industrial_output_above_scale", IntOption("--parks", 8), IntOption("--runs", 200), Console.Out);
            return 0;
        }),
        "bench-checks" => await BenchDatabase.WithContextAsync(Option("--connection"), Option("--data-dir"), async db =>
        {
            await ChecksBenchmark.RunAsync(db, IntOption("--runs", 3), Console.Out);
            return 0;
        }),
        _ => Usage(),
    };
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// Replaces the synthetic data (parks synth-0001 …, their enterprises and exactly K figures over the M years to 2025)
// with a new set; the same seed writes the same set. Loads the seed first into an empty database.
async Task<int> SynthAsync()
{
    var options = new SyntheticOptions(IntOption("--parks"), IntOption("--years"), IntOption("--observations"), IntOption("--seed", 1));
    return await BenchDatabase.WithContextAsync(Option("--connection"), Option("--data-dir"), async db =>
    {
        if (!await db.Indicators.AnyAsync())
        {
            var seedDir = Option("--dir") ?? SeedDirectory.Find();
            var contexts = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<ParkMetrics.Data.ParkMetricsDbContext>(
                new DbContextOptionsBuilder<ParkMetrics.Data.ParkMetricsDbContext>().UseNpgsql(db.Database.GetConnectionString()).Options);
            var seeded = await new FigureWriter(contexts).SeedAsync(SeedSet.Load(seedDir, SeedDirectory.FindArticles(seedDir)), $"{Environment.UserName} (ParkMetrics.Benchmarks)");
            Console.WriteLine($"The database held no indicators: seeded from {seedDir} ({seeded.Inserted} rows).");
        }
        var clock = Stopwatch.StartNew();
        var result = await SyntheticData.GenerateAsync(db, options);
        Console.WriteLine($"Synthetic data (seed {options.Seed}): {result.Parks} parks, {result.Enterprises} enterprises, " +
            $"{result.Observations} observations in {clock.Elapsed.TotalSeconds:0.0} s; replaced {result.Replaced} earlier synthetic observations.");
        return 0;
    });
}

static int Usage()
{
    Console.Error.WriteLine("usage: ParkMetrics.Benchmarks circuits URL APP_PID [N]");
    Console.Error.WriteLine("       ParkMetrics.Benchmarks intake --seed DIR --articles DIR --candidates DIR [--markdown FILE]");
    Console.Error.WriteLine("       ParkMetrics.Benchmarks synth --parks N --years M --observations K [--seed S] [--connection CS | --data-dir DIR]");
    Console.Error.WriteLine("       ParkMetrics.Benchmarks bench-chart [--indicator CODE] [--parks N] [--runs R] [--connection CS | --data-dir DIR]");
    Console.Error.WriteLine("       ParkMetrics.Benchmarks bench-checks [--runs R] [--connection CS | --data-dir DIR]");
    return 2;
}
