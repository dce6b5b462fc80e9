using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ParkMetrics.Import;
using ParkMetrics.Data;
using ParkMetrics.Data.Embedded;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;

const string Usage = """
    Usage: ParkMetrics.Import <command> [options]

    Commands:
      migrate                         apply the database migrations
      seed [--dir DIR]                load the seed CSV files (default: data/seed) in one transaction, with the
                                      articles' texts from PARKMETRICS_ARTICLES (default: ../shared/seeds) if present;
                                      every quote must stand in its article; figures an admin entered, corrected or
                                      deleted are kept (and counted)
      verify-quotes --articles DIR    check every quote against the article texts in DIR
      import --file PATH              load a large file of observations in the seed's columns in one transaction
                                      (checked first; binary COPY and one merge by natural key, audited; figures
                                      an admin entered, corrected or deleted are kept and counted)
      bench-chart [--indicator CODE] [--parks N] [--runs R]
                                      time the query behind an indicator's chart for N parks and print its plan
      synth --parks N --years M --observations K [--seed S]
                                      replace the synthetic data (parks synth-0001 …, their enterprises and
                                      exactly K figures over the M years to 2025) with a new set; the same
                                      seed writes the same set. Loads the seed first into an empty database.

    The database is ConnectionStrings__ParkMetrics, or --connection "Host=…"; without either, the embedded
    PostgreSQL in --data-dir (default: the app's) is started for the command and stopped after it.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help") { Console.WriteLine(Usage); return 0; }
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var seedDir = Option("--dir") ?? SeedDirectory.Find();
var user = $"{Environment.UserName} (ParkMetrics.Import)"; // whom the audit entries of the seed and the import name

try
{
    switch (args[0])
    {
        case "verify-quotes":
            var articles = Option("--articles") ?? throw new ArgumentException("verify-quotes needs --articles DIR");
            var seedSet = SeedSet.Load(seedDir, articles);
            var problems = QuoteVerifier.Verify(seedSet);
            foreach (var p in problems) Console.Error.WriteLine(p);
            Console.WriteLine(problems.Count == 0
                ? $"All {seedSet.Observations.Count} quotes stand verbatim in their articles and hold their numbers."
                : $"{problems.Count} of {seedSet.Observations.Count} quotes failed.");
            return problems.Count == 0 ? 0 : 1;
        case "migrate":
            await WithDatabaseAsync(async (db, _) =>
            {
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                await db.Database.MigrateAsync();
                Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            });
            return 0;
        case "seed":
            var seed = SeedSet.Load(seedDir, SeedDirectory.FindArticles(seedDir));
            await WithDatabaseAsync(async (_, writer) =>
            {
                var result = await writer.SeedAsync(seed, user);
                Console.WriteLine((result.ChangedAnything
                    ? $"Seeded from {seedDir}: {result.Inserted} inserted, {result.Updated} updated, {result.Deleted} deleted, {result.Unchanged} unchanged."
                    : $"Nothing to change: the database already holds the seed ({result.Unchanged} rows unchanged).") + Kept(result.Kept));
            });
            return 0;
        case "synth":
            var options = new SyntheticOptions(IntOption("--parks"), IntOption("--years"), IntOption("--observations"), IntOption("--seed", 1));
            await WithDatabaseAsync(async (db, writer) =>
            {
                if (!await db.Indicators.AnyAsync())
                {
                    var seeded = await writer.SeedAsync(SeedSet.Load(seedDir, SeedDirectory.FindArticles(seedDir)), user);
                    Console.WriteLine($"The database held no indicators: seeded from {seedDir} ({seeded.Inserted} rows).");
                }
                var clock = Stopwatch.StartNew();
                var result = await SyntheticData.GenerateAsync(db, options);
                Console.WriteLine($"Synthetic data (seed {options.Seed}): {result.Parks} parks, {result.Enterprises} enterprises, " +
                    $"{result.Observations} observations in {clock.Elapsed.TotalSeconds:0.0} s; replaced {result.Replaced} earlier synthetic observations.");
            });
            return 0;
        case "import":
            var file = Option("--file") ?? throw new ArgumentException("import needs --file PATH (observations in the seed's columns)");
            await WithDatabaseAsync(async (_, writer) =>
            {
                var result = await writer.ImportAsync(file, user);
                Console.WriteLine($"Imported {file}: {result.Rows} rows checked in {result.Checking.TotalSeconds:0.0} s, written in " +
                    $"{result.Writing.TotalSeconds:0.0} s: {result.Inserted} inserted, {result.Changed} changed, " +
                    $"{result.Rows - result.Inserted - result.Changed - result.Kept} unchanged." + Kept(result.Kept));
            });
            return 0;
        case "bench-chart":
            await WithDatabaseAsync((db, _) => ChartBenchmark.RunAsync(db, Option("--indicator") ?? "industrial_output_above_scale",
                IntOption("--parks", 8), IntOption("--runs", 200), Console.Out));
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (SeedValidationException e)
{
    foreach (var error in e.Errors) Console.Error.WriteLine(error);
    Console.Error.WriteLine($"Nothing was written: {e.Errors.Count} problem(s) in {(args[0] == "import" ? Option("--file") : seedDir)}.");
    return 1;
}
catch (DbUpdateException e)
{
    Console.Error.WriteLine($"Nothing was written: the database refused a row: {e.InnerException?.Message ?? e.Message}");
    return 1;
}
catch (Exception e) when (e is EmbeddedPostgresException or ArgumentException or InvalidOperationException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

int IntOption(string name, int? fallback = null) =>
    Option(name) is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"{name} needs a whole number, not '{text}'.")
        : fallback ?? throw new ArgumentException($"{args[0]} needs {name} N.");

static string Kept(int kept) => kept == 0 ? "" : $" Kept {kept} figures an admin entered or corrected.";

async Task WithDatabaseAsync(Func<ParkMetricsDbContext, FigureWriter, Task> action)
{
    var connection = Option("--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__ParkMetrics");
    EmbeddedPostgres? embedded = null;
    if (string.IsNullOrWhiteSpace(connection))
    {
        embedded = await EmbeddedPostgres.StartAsync(Option("--data-dir") ?? EmbeddedPostgres.DefaultRoot());
        connection = embedded.ConnectionString;
    }
    try
    {
        var contexts = new PooledDbContextFactory<ParkMetricsDbContext>(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(connection).Options);
        await using var db = await contexts.CreateDbContextAsync();
        await action(db, new FigureWriter(contexts)); // no read cache in the console to invalidate
    }
    finally
    {
        if (embedded is not null) await embedded.DisposeAsync();
    }
}
