using System.Text;
using System.Text.Json;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Writing;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>
/// Every change of a figure, on every path, leaves one audit entry naming its source and, in its reason, its origin.
/// The import API's is in <c>Admin/ImportEndpointTests.cs</c>.
/// </summary>
public sealed class AuditTrailTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const string Admin = "admin@example.org";
    private const string Correction = "beichuan,,fixed_asset_investment,year,2023-01-01,2023-12-31,21,亿元,exact,beichuan-2024,2023年，园区完成固定资产投资21亿元";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ObservationUpload Upload => new(Database.Contexts, Database.Writer);

    private FigureEditor Editor => new(Database.Contexts, Database.Writer);

    [Fact]
    public async Task SeedAsync_IntoAnEmptyDatabase_AuditsEachFigureWithItsSource()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);

        var unaudited = await DatabaseDump.QueryAsync(Database.ConnectionString, """
            SELECT o."Id"::text FROM "Observations" o JOIN "Sources" s ON s."Id" = o."SourceId"
            WHERE (SELECT count(*) FROM "AuditEntries" a WHERE a."EntityType" = 'observation' AND a."EntityId" = o."Id"
                   AND a."Action" = 'insert' AND a."Reason" = 'seed' AND a."After"->>'source' = s."Code" AND a."After"->>'quote' = o."Quote") <> 1
            """);
        Assert.Empty(unaudited);
        Assert.Equal(await CountAsync("Observations"), await CountAsync("AuditEntries"));
    }

    [Fact]
    public async Task SeedAsync_FigureDroppedFromTheSeed_AuditsItsDeletion()
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        await Database.SeedAsync(seed.Path);
        var dropped = seed.Read(BadRows.Observations).Records[^1];
        seed.Rewrite(BadRows.Observations, records => records.Where(r => r.Line != dropped.Line));
        var last = await LastAuditAsync();

        await Database.SeedAsync(seed.Path);

        var audit = Assert.Single(await AuditsSinceAsync(last));
        Assert.Equal(("delete", "seed", dropped["source"], null), (audit.Action, audit.Reason, audit.BeforeSource, audit.AfterSource));
    }

    [Fact]
    public async Task ImportAsync_NewAndChangedFigures_AuditedInSqlWithTheirSourceAndBothSides()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        using var folder = SeedFolder.CopyOfRealSeed();
        var file = folder.FileOf("big.csv");
        await File.WriteAllTextAsync(file, $"{QuoteRuleTests.Header}\n{QuoteRuleTests.Standing}\n{Correction}\n", Ct);
        var last = await LastAuditAsync();

        await Database.Writer.ImportAsync(file, "importer", Ct);

        var audits = await AuditsSinceAsync(last);
        Assert.Equal([("insert", null, "beichuan-2024"), ("update", "beichuan-2024", "beichuan-2024")],
            audits.OrderBy(a => a.Action).Select(a => (a.Action, a.BeforeSource, a.AfterSource)));
        Assert.All(audits, a => Assert.Equal(("import big.csv", "importer"), (a.Reason, a.User)));
        var update = audits.Single(a => a.Action == "update");
        Assert.Equal((200_000m, 210_000m), (Value(update.Before), Value(update.After)));
        // The same fields as the entries written in C#, so that the history reads them alike.
        var written = Audit.Snapshot(new Observation { ReportedUnit = "亿元", Quote = "" });
        Assert.Equal(Keys(written), Keys(update.After!));
        Assert.Equal(Keys(written), Keys(update.Before!));
    }

    [Fact]
    public async Task Upload_NewAndChangedFigures_AuditedWithTheirSourceAndTheFile()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var last = await LastAuditAsync();

        await Upload.ProcessAsync(Encoding.UTF8.GetBytes($"{QuoteRuleTests.Header}\n{QuoteRuleTests.Standing}\n{Correction}\n"), "mine.csv", apply: true, Admin, Ct);

        Assert.Equal([("insert", "upload mine.csv", null, "beichuan-2024"), ("update", "upload mine.csv", "beichuan-2024", "beichuan-2024")],
            (await AuditsSinceAsync(last)).Select(a => (a.Action, a.Reason, a.BeforeSource, a.AfterSource)).Order());
    }

    [Fact]
    public async Task Intake_Applied_AuditedAsIntakeNamingTheSource()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var last = await LastAuditAsync();

        await Upload.ProcessAsync($"{QuoteRuleTests.Header}\n{QuoteRuleTests.Standing}\n", "candidates.csv", WriteOrigin.Intake, apply: true, Admin, null, Ct);

        var audit = Assert.Single(await AuditsSinceAsync(last));
        Assert.Equal(("insert", "intake: 北川工业园区奋力描绘高质量发展蓝图", "beichuan-2024", Admin), (audit.Action, audit.Reason, audit.AfterSource, audit.User));
    }

    [Fact]
    public async Task SaveEntriesAndRestore_EachChange_AuditedWithItsSource()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var grid = await Editor.LoadAsync("ganhe", 2031, Ct);
        var row = grid.Rows.Single(r => r.IndicatorCode == "industrial_investment");
        var last = await LastAuditAsync();

        await Editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, null, null, 7, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, null)], Admin, Ct);
        row = (await Editor.LoadAsync("ganhe", 2031, Ct)).Rows.Single(r => r.IndicatorCode == "industrial_investment");
        await Editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, row.ObservationId, row.Version, null, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, "typo")], Admin, Ct);
        Assert.True((await Editor.RestoreAsync(row.ObservationId!.Value, Admin, null, Ct)).Restored);

        Assert.Equal([("insert", "entry", null, "statistics-office"), ("delete", "typo", "statistics-office", "statistics-office"),
            ("restore", "restore", "statistics-office", "statistics-office")],
            (await AuditsSinceAsync(last)).Select(a => (a.Action, a.Reason, a.BeforeSource, a.AfterSource)));
    }

    internal sealed record AuditRow(string Action, string? Reason, string User, string? Before, string? After)
    {
        public string? BeforeSource => Source(Before);
        public string? AfterSource => Source(After);

        private static string? Source(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty("source").GetString();
    }

    private async Task<long> LastAuditAsync() =>
        long.Parse((await DatabaseDump.QueryAsync(Database.ConnectionString, """SELECT coalesce(max("Id"), 0)::text FROM "AuditEntries" """))[0],
            System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<AuditRow>> AuditsSinceAsync(long id)
    {
        var lines = await DatabaseDump.QueryAsync(Database.ConnectionString, $"""
            SELECT json_build_array("Action", "Reason", "UserName", "Before", "After")::text FROM "AuditEntries"
            WHERE "Id" > {id} AND "EntityType" = 'observation' ORDER BY "Id"
            """);
        return [.. lines.Select(line =>
        {
            var a = JsonDocument.Parse(line).RootElement;
            string? Text(int i) => a[i].ValueKind == JsonValueKind.Null ? null : a[i].ValueKind == JsonValueKind.String ? a[i].GetString() : a[i].GetRawText();
            return new AuditRow(Text(0)!, Text(1), Text(2)!, Text(3), Text(4));
        })];
    }

    private async Task<long> CountAsync(string table) =>
        long.Parse((await DatabaseDump.QueryAsync(Database.ConnectionString, $"SELECT count(*)::text FROM \"{table}\""))[0], System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Value(string? json) => JsonDocument.Parse(json!).RootElement.GetProperty("value").GetDecimal();

    private static IEnumerable<string> Keys(string json) => JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).Order();
}
