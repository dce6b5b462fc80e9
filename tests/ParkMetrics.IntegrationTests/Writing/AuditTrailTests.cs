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
        Assert.Equal(await CountAsync("Observations"), await CountAsync("AuditEntries", "observation"));
        Assert.Equal(await CountAsync("Enterprises"), await CountAsync("AuditEntries", "enterprise"));
        Assert.Equal(
            [await CountAsync("Units"), await CountAsync("Parks"), await CountAsync("Sources"), await CountAsync("Indicators")],
            [await CountAsync("AuditEntries", "unit"), await CountAsync("AuditEntries", "park"), await CountAsync("AuditEntries", "source"), await CountAsync("AuditEntries", "indicator")]);
    }

    [Fact]
    public async Task SeedAsync_OverAnEditOfTheCatalog_AuditsWhatItSetBack()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var seeded = await DatabaseDump.QueryAsync(Database.ConnectionString, """
            SELECT "NameZh" FROM "Parks" WHERE "Code" = 'ganhe'
            UNION ALL SELECT "NameZh" FROM "Indicators" WHERE "Code" = 'fixed_asset_investment'
            """);
        await DatabaseDump.QueryAsync(Database.ConnectionString, """
            UPDATE "Parks" SET "NameZh" = '甘河园区（改）' WHERE "Code" = 'ganhe' RETURNING 'x'
            """);
        await DatabaseDump.QueryAsync(Database.ConnectionString, """
            UPDATE "Indicators" SET "NameZh" = '固定资产投资（改）' WHERE "Code" = 'fixed_asset_investment' RETURNING 'x'
            """);
        var last = await LastAuditAsync();

        await Database.SeedAsync(RepositoryPaths.Seed);

        var entries = await DatabaseDump.QueryAsync(Database.ConnectionString, $"""
            SELECT concat_ws('|', "EntityType", "Action", "Reason", "Before"->>'nameZh', "After"->>'nameZh') FROM "AuditEntries"
            WHERE "Id" > {last} AND "EntityType" IN ('park', 'indicator') ORDER BY "EntityType" DESC
            """);
        Assert.Equal([$"park|update|seed|甘河园区（改）|{seeded[0]}", $"indicator|update|seed|固定资产投资（改）|{seeded[1]}"], entries);
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
        Assert.True((await Editor.RestoreAsync(row.ObservationId!.Value, Admin, "not a typo after all", Ct)).Restored);

        Assert.Equal([("insert", "entry", null, "statistics-office"), ("delete", "typo", "statistics-office", "statistics-office"),
            ("restore", "not a typo after all", "statistics-office", "statistics-office")],
            (await AuditsSinceAsync(last)).Select(a => (a.Action, a.Reason, a.BeforeSource, a.AfterSource)));
    }

    [Fact]
    public async Task SaveEnterprise_MovedToAnotherPark_AuditsEachOfItsFiguresWithBothParks()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var enterprises = new EnterpriseEditor(Database.Contexts);
        var carbon = (await enterprises.ListAsync(Ct)).Single(e => e.Name == MovedEnterprise);
        var last = await LastAuditAsync();

        var result = await enterprises.SaveAsync(new EnterpriseForm(carbon.Id, carbon.Version, carbon.Name, "dongchuan", carbon.Sector, carbon.Aliases,
            carbon.Designations), Admin, "registered in Dongchuan", Ct);

        Assert.Equal(EnterpriseSaveStatus.Saved, result.Status);
        var audits = await AuditsSinceAsync(last);
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal(("update", $"move {MovedEnterprise} → dongchuan: registered in Dongchuan", Admin, "ganhe", "dongchuan"),
            (a.Action, a.Reason, a.User, Park(a.Before), Park(a.After))));
    }

    /// <summary>
    /// Walks every path that writes figures or enterprises and checks that each row it inserts, changes or deletes
    /// (told by its xmin) has an audit entry written with it. The import API's path is the upload's, with its own test
    /// in <c>Admin/ImportEndpointTests.cs</c>.
    /// </summary>
    [Fact]
    public async Task EveryWritePath_EachFigureOrEnterpriseItWrites_HasAnAuditEntry()
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        var file = seed.FileOf("big.csv");
        await File.WriteAllTextAsync(file, $"{QuoteRuleTests.Header}\n{QuoteRuleTests.Standing}\n{Correction}\n", Ct);
        var original = Correction.Replace(",21,", ",20,", StringComparison.Ordinal).Replace("21亿元", "20亿元", StringComparison.Ordinal);
        var enterprises = new EnterpriseEditor(Database.Contexts);
        async Task<EntryRow> RowAsync() => (await Editor.LoadAsync("ganhe", 2031, Ct)).Rows.Single(r => r.IndicatorCode == "industrial_investment");
        async Task<int> OfficeAsync() => (await Editor.LoadAsync("ganhe", 2031, Ct)).StatisticsOfficeSourceId;
        async Task EntryAsync(decimal? value, string? reason)
        {
            var row = await RowAsync();
            Assert.True((await Editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, row.ObservationId, row.Version, value, Qualifier.Exact, null,
                await OfficeAsync(), reason)], Admin, Ct)).Saved);
        }
        long deleted = 0;
        EnterpriseRecord Enterprise(IReadOnlyList<EnterpriseRecord> all, string name) => all.Single(e => e.Name == name);
        (string Path, Func<Task> Write)[] paths =
        [
            ("seed", () => Database.SeedAsync(seed.Path)),
            ("bulk import (insert, change)", () => Database.Writer.ImportAsync(file, "importer", Ct)),
            ("upload", () => Upload.ProcessAsync(Encoding.UTF8.GetBytes($"{QuoteRuleTests.Header}\n{original}\n"), "mine.csv", apply: true, Admin, Ct)),
            ("intake", () => Upload.ProcessAsync($"{QuoteRuleTests.Header}\n{Correction}\n", "candidates.csv", WriteOrigin.Intake, apply: true, Admin, null, Ct)),
            ("entry grid insert", () => EntryAsync(7, null)),
            ("entry grid change", () => EntryAsync(8, "corrected")),
            ("entry grid delete", async () => { deleted = (await RowAsync()).ObservationId!.Value; await EntryAsync(null, "typo"); }),
            ("entry grid retyped over a deleted figure", () => EntryAsync(9, "not a typo")),
            ("entry grid delete again", () => EntryAsync(null, "typo after all")),
            ("restore", async () => Assert.True((await Editor.RestoreAsync(deleted, Admin, "deleted by mistake", Ct)).Restored)),
            ("seed after admin's work", () => Database.SeedAsync(seed.Path)),
            ("enterprise created", async () => Assert.Equal(EnterpriseSaveStatus.Saved,
                (await enterprises.SaveAsync(new EnterpriseForm(null, null, "新企业", "ganhe", null, [], []), Admin, null, Ct)).Status)),
            ("enterprise changed", async () =>
            {
                var e = Enterprise(await enterprises.ListAsync(Ct), "新企业");
                Assert.Equal(EnterpriseSaveStatus.Saved,
                    (await enterprises.SaveAsync(new EnterpriseForm(e.Id, e.Version, e.Name, e.ParkCode, "碳纤维", [], []), Admin, null, Ct)).Status);
            }),
            ("enterprise moved with its figures", async () =>
            {
                var e = Enterprise(await enterprises.ListAsync(Ct), MovedEnterprise);
                Assert.Equal(EnterpriseSaveStatus.Saved, (await enterprises.SaveAsync(new EnterpriseForm(e.Id, e.Version, e.Name, "dongchuan", e.Sector,
                    e.Aliases, e.Designations), Admin, null, Ct)).Status);
            }),
        ];

        var unaudited = new List<string>();
        foreach (var (path, write) in paths)
        {
            var before = await RowVersionsAsync();
            var last = await LastAuditAsync();
            await write();
            var after = await RowVersionsAsync();
            var written = after.Except(before).Concat(before.Except(after)).Select(v => v[..v.IndexOf('@', StringComparison.Ordinal)]).ToHashSet();
            var audited = (await DatabaseDump.QueryAsync(Database.ConnectionString,
                $"""SELECT "EntityType" || ':' || "EntityId" FROM "AuditEntries" WHERE "Id" > {last}""")).ToHashSet();
            if (written.Count == 0) unaudited.Add($"{path}: wrote nothing, so the walk proves nothing");
            unaudited.AddRange(written.Except(audited).Select(row => $"{path}: {row} has no audit entry"));
        }

        Assert.Empty(unaudited);
    }

    private const string MovedEnterprise = "中复神鹰碳纤维西宁有限公司";

    /// <summary>Every figure and enterprise as <c>type:id@xmin</c>: a row written with the same values still shows.</summary>
    private async Task<HashSet<string>> RowVersionsAsync() => [.. await DatabaseDump.QueryAsync(Database.ConnectionString, """
        SELECT 'observation:' || "Id" || '@' || xmin FROM "Observations" UNION ALL SELECT 'enterprise:' || "Id" || '@' || xmin FROM "Enterprises"
        """)];

    private static string? Park(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty("park").GetString();

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

    private async Task<long> CountAsync(string table, string? entityType = null) =>
        long.Parse((await DatabaseDump.QueryAsync(Database.ConnectionString,
            $"SELECT count(*)::text FROM \"{table}\"" + (entityType is null ? "" : $" WHERE \"EntityType\" = '{entityType}'")))[0],
            System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Value(string? json) => JsonDocument.Parse(json!).RootElement.GetProperty("value").GetDecimal();

    private static IEnumerable<string> Keys(string json) => JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).Order();
}
