using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ParkMetrics.Data;
using ParkMetrics.Data.Embedded;
using ParkMetrics.Data.Intake;
using ParkMetrics.Data.Maintenance;
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
      extract --file PATH [--published YYYY-MM-DD] [--as-of YYYY-MM-DD] [--source CODE] [--catalog DIR] [--out PATH]
                                      propose the figures of a report (UTF-8 text, simplified or traditional) as
                                      CSV in observations.csv's columns plus measure, for review and upload; what
                                      the text leaves open is listed on stderr. The catalog is the database's, or
                                      the seed files in DIR; --source takes the report's dates from that source.
      backup --file PATH              write the whole database to PATH (pg_dump, custom format)
      restore --file PATH             restore a backup into the database in one transaction, replacing its tables
                                      (best into a new, empty database; stop the app before restoring over its own)

    The database is ConnectionStrings__ParkMetrics, or --connection "Host=…"; without either, the embedded
    PostgreSQL in --data-dir (default: the app's) is started for the command and stopped after it.
    Synthetic data and the chart query's timing are the benchmarks' (tests/ParkMetrics.Benchmarks: synth, bench-chart).
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
        case "extract":
            var report = Option("--file") ?? throw new ArgumentException("extract needs --file PATH (the report's text)");
            var text = await File.ReadAllTextAsync(report);
            var catalogDir = Option("--catalog");
            CatalogRows catalog;
            List<(string Code, DateOnly? PublishedOn, DateOnly AsOf)> sources;
            if (catalogDir is not null)
            {
                var catalogSeed = SeedSet.Load(catalogDir);
                (catalog, sources) = (CatalogRows.From(catalogSeed), [.. catalogSeed.Sources.Select(s => (s.Code, s.PublishedOn, s.AsOf))]);
            }
            else
            {
                (catalog, sources) = await QueryDatabaseAsync(async (db, _) => (await CatalogRows.LoadAsync(db),
                    (await db.Sources.Select(s => new { s.Code, s.PublishedOn, s.AsOf }).ToListAsync()).Select(s => (s.Code, s.PublishedOn, s.AsOf)).ToList()));
            }
            var sourceCode = Option("--source");
            var source = sources.FirstOrDefault(s => s.Code == sourceCode);
            if (sourceCode is not null && source.Code is null) throw new ArgumentException($"No source '{sourceCode}' in the catalog.");
            var published = DateOption("--published") ?? source.PublishedOn;
            var dates = new ReportDates(published, DateOption("--as-of") ?? (source.Code is null ? published : source.AsOf));
            var clock = Stopwatch.StartNew();
            var extraction = new FigureExtractor(catalog).Extract(text, dates);
            var elapsed = clock.Elapsed;
            var csv = CandidateCsv.Write(extraction.Candidates, sourceCode);
            if (Option("--out") is { } outPath) await File.WriteAllTextAsync(outPath, csv, new System.Text.UTF8Encoding(true));
            else Console.Write(csv);
            foreach (var c in extraction.Candidates.Where(c => c.Notes.Count > 0))
                Console.Error.WriteLine($"line {c.Index + 1}: {c.Quote.ReplaceLineEndings(" ")}: {string.Join("; ", c.Notes.Select(n => CandidateNotes.Describe(n, c)))}");
            foreach (var p in extraction.Skipped)
                Console.Error.WriteLine($"skipped a passage naming no park of the catalog: {p.Opening}…");
            Console.Error.WriteLine($"{extraction.Candidates.Count} candidates from {text.Length} characters in {elapsed.TotalMilliseconds:0} ms" +
                (dates.Now is null ? " (the report's date is unknown: give --published or --source)" : ""));
            return 0;
        case "backup":
            var backupFile = Option("--file") ?? throw new ArgumentException("backup needs --file PATH");
            await WithConnectionAsync(connection => DatabaseBackup.BackupAsync(connection, backupFile));
            Console.WriteLine($"Backed up the database to {Path.GetFullPath(backupFile)} ({new FileInfo(backupFile).Length / 1024} KiB).");
            return 0;
        case "restore":
            var restoreFile = Option("--file") ?? throw new ArgumentException("restore needs --file PATH (a file written by backup)");
            await WithConnectionAsync(connection => DatabaseBackup.RestoreAsync(connection, restoreFile));
            Console.WriteLine($"Restored {Path.GetFullPath(restoreFile)}.");
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
catch (Exception e) when (e is EmbeddedPostgresException or BackupException or ArgumentException or InvalidOperationException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

DateOnly? DateOption(string name) =>
    Option(name) is { } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw new ArgumentException($"{name} needs a date YYYY-MM-DD, not '{text}'.")
        : null;

static string Kept(int kept) => kept == 0 ? "" : $" Kept {kept} figures an admin entered or corrected.";

async Task WithDatabaseAsync(Func<ParkMetricsDbContext, FigureWriter, Task> action) =>
    await QueryDatabaseAsync(async (db, writer) => { await action(db, writer); return true; });

async Task<T> QueryDatabaseAsync<T>(Func<ParkMetricsDbContext, FigureWriter, Task<T>> action) =>
    await ConnectedAsync(async connection =>
    {
        var contexts = new PooledDbContextFactory<ParkMetricsDbContext>(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(connection).Options);
        await using var db = await contexts.CreateDbContextAsync();
        return await action(db, new FigureWriter(contexts)); // no read cache in the console to invalidate
    });

Task WithConnectionAsync(Func<string, Task> action) => ConnectedAsync(async connection => { await action(connection); return true; });

async Task<T> ConnectedAsync<T>(Func<string, Task<T>> action)
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
        return await action(connection);
    }
    finally
    {
        if (embedded is not null) await embedded.DisposeAsync();
    }
}
