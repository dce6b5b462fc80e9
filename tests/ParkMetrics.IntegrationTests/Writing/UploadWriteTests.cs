using ParkMetrics.Benchmarks.Synthetic;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParkMetrics.Data;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>The upload and the intake through the writer: idempotent, checked, reading only their own keys, safe against a race.</summary>
public sealed class UploadWriteTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const string Header = QuoteRuleTests.Header;
    /// <summary>A new figure, and a correction of the seed's 2023 fixed-asset investment of Beichuan (20 → 21亿元).</summary>
    private const string NewAndChanged = $"""
        {Header}
        {QuoteRuleTests.Standing}
        beichuan,,fixed_asset_investment,year,2023-01-01,2023-12-31,21,亿元,exact,beichuan-2024,2023年，园区完成固定资产投资21亿元
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed);
    }

    private static ObservationUpload UploadOn(IDbContextFactory<ParkMetricsDbContext> contexts, QueryCache? cache = null) =>
        new(contexts, new FigureWriter(contexts, cache));

    private ObservationUpload Upload => UploadOn(Database.Contexts);

    [Fact]
    public async Task Upload_SameFileTwice_SecondChangesNothing()
    {
        var first = await Upload.ProcessAsync(Encoding.UTF8.GetBytes(NewAndChanged), "twice.csv", apply: true, "admin@example.org", Ct);
        var after = await Database.DumpAsync();

        var second = await Upload.ProcessAsync(Encoding.UTF8.GetBytes(NewAndChanged), "twice.csv", apply: true, "admin@example.org", Ct);

        Assert.Equal((true, 1, 1, 0), (first.Applied, first.Count(UploadAction.Insert), first.Count(UploadAction.Change), first.Count(UploadAction.Unchanged)));
        Assert.Equal((true, 0, 0, 2), (second.Applied, second.Count(UploadAction.Insert), second.Count(UploadAction.Change), second.Count(UploadAction.Unchanged)));
        Assert.Equal(after, await Database.DumpAsync());
    }

    /// <summary>Reposts print 萬噸, 億元, 項: the catalog's aliases take them, stored under the catalog's unit.</summary>
    [Fact]
    public async Task Upload_TraditionalUnitSpellings_AreTakenAsTheirCatalogUnits()
    {
        var csv = $"""
            {Header}
            beichuan,,fixed_asset_investment,point,2023-06-30,2023-06-30,20,億元,exact,beichuan-2024,园区完成固定资产投资20億元
            """;

        var result = await Upload.ProcessAsync(Encoding.UTF8.GetBytes(csv), "repost.csv", apply: true, "admin@example.org", Ct);

        Assert.True(result.Applied, string.Join("; ", result.Errors));
        await using var db = Database.CreateContext();
        var figure = await db.Observations.SingleAsync(o => o.PeriodKind == PeriodKind.Point && o.PeriodStart == new DateOnly(2023, 6, 30), Ct);
        Assert.Equal(("亿元", 20m, 200_000m), (figure.ReportedUnit, figure.ReportedValue, figure.Value));
    }

    [Fact]
    public async Task Intake_SameRowsTwice_SecondChangesNothing()
    {
        var first = await Upload.ProcessAsync(NewAndChanged, "intake.csv", WriteOrigin.Intake, apply: true, "admin@example.org", null, Ct);
        var after = await Database.DumpAsync();

        var second = await Upload.ProcessAsync(NewAndChanged, "intake.csv", WriteOrigin.Intake, apply: true, "admin@example.org", null, Ct);

        Assert.Equal((1, 1), (first.Count(UploadAction.Insert), first.Count(UploadAction.Change)));
        Assert.True(second.Applied);
        Assert.All(second.Rows, r => Assert.Equal(UploadAction.Unchanged, r.Action));
        Assert.Equal(after, await Database.DumpAsync());
    }

    [Fact]
    public async Task Intake_CheckOnly_NamesEveryBadLineAndWritesNothing()
    {
        var before = await Database.DumpAsync();
        var csv = $"{Header}\n{QuoteRuleTests.Standing}\nbeichuan,,no_such_indicator,year,2023-01-01,2023-12-31,5,亿元,exact,beichuan-2024,5亿元\nbeichuan,,industrial_output,year,2023-01-01,2023-12-31,5,亿元,roughly,beichuan-2024,5亿元\n";
        using var ui = new UICulture("en-US");

        var result = await Upload.ProcessAsync(csv, "intake.csv", WriteOrigin.Intake, apply: false, "admin@example.org", null, Ct);

        Assert.Equal([(3, "indicator"), (4, "qualifier")], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Fact]
    public async Task Upload_MeasureColumnMatchingTheIndicator_IsAccepted()
    {
        var csv = $"{Header},measure\n{QuoteRuleTests.Standing},level\n";

        var result = await Upload.ProcessAsync(Encoding.UTF8.GetBytes(csv), "measure.csv", apply: false, "admin@example.org", Ct);

        Assert.Empty(result.Errors);
        Assert.Equal(UploadAction.Insert, Assert.Single(result.Rows).Action);
    }

    [Theory]
    [InlineData("zh-CN", "measure.csv:3: measure: “growth_rate”与指标 fixed_asset_investment 的度量“level”不符")]
    [InlineData("en-US", "measure.csv:3: measure: 'growth_rate' is not indicator fixed_asset_investment's measure 'level'")]
    public async Task Upload_MeasureColumnNotTheIndicators_IsRefusedNamingTheLine(string culture, string expected)
    {
        var csv = $"{Header},measure\n{QuoteRuleTests.Standing},\n{QuoteRuleTests.Standing.Replace("2023-12-31", "2023-11-30", StringComparison.Ordinal)},growth_rate\n";
        using var ui = new UICulture(culture);

        var result = await Upload.ProcessAsync(csv, "measure.csv", WriteOrigin.Api, apply: true, "admin@example.org", null, Ct);

        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
        Assert.False(result.Applied);
    }

    [Fact]
    public async Task Upload_PreviewOfOneRow_ReadsOnlyTheFigureWithItsKey()
    {
        await using (var db = Database.CreateContext())
            await SyntheticData.GenerateAsync(db, new SyntheticOptions(Parks: 2, Years: 3, Observations: 500), Ct);
        var correction = NewAndChanged.Split('\n')[2];
        var reads = new RowsRead();

        var result = await UploadOn(reads.Contexts(Database.ConnectionString))
            .ProcessAsync(Encoding.UTF8.GetBytes($"{Header}\n{correction}\n"), "one.csv", apply: false, "admin@example.org", Ct);

        Assert.Equal(UploadAction.Change, Assert.Single(result.Rows).Action);
        Assert.Equal(2, reads.Observations); // the figure, and the read that finds no more
        // The counter sees whole-table reads: the same contexts reading every figure count them all.
        await using var all = await reads.Contexts(Database.ConnectionString).CreateDbContextAsync(Ct);
        var total = await all.Observations.IgnoreQueryFilters().ToListAsync(Ct);
        Assert.Equal(2 + total.Count + 1, reads.Observations);
        Assert.True(total.Count > 700);
    }

    [Fact]
    public async Task Upload_FigureSavedByAnotherAdminMeanwhile_AnswersAConflictAndWritesNothing()
    {
        var meanwhile = new InsertMeanwhile(Database.ConnectionString, """
            INSERT INTO "Observations" ("ParkId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "Value", "ReportedValue", "ReportedUnit",
                "Qualifier", "SourceId", "Quote", "EnteredBy")
            SELECT p."Id", i."Id", 'point', DATE '2023-12-31', DATE '2023-12-31', 190000, 19, '亿元', 'exact', s."Id", '19亿元', 'other@example.org'
            FROM "Parks" p, "Indicators" i, "Sources" s
            WHERE p."Code" = 'beichuan' AND i."Code" = 'fixed_asset_investment' AND s."Code" = 'beichuan-2024'
            """);
        var upload = UploadOn(meanwhile.Contexts);
        var audits = await CountAsync("AuditEntries");

        var result = await upload.ProcessAsync(Encoding.UTF8.GetBytes(NewAndChanged), "race.csv", apply: true, "admin@example.org", Ct);

        Assert.True(result.Conflict);
        Assert.False(result.Applied);
        Assert.Empty(result.Errors);
        Assert.Equal(audits, await CountAsync("AuditEntries"));
        await using var db = Database.CreateContext();
        var stored = await db.Observations.SingleAsync(o => o.Park.Code == "beichuan" && o.Indicator.Code == "fixed_asset_investment"
            && o.PeriodStart == new DateOnly(2023, 1, 1) && o.PeriodKind == PeriodKind.Year, Ct);
        Assert.Equal(20, stored.ReportedValue); // the correction in the same file was not written either
    }

    [Fact]
    public async Task Upload_FigureCorrectedByAnotherAdminMeanwhile_AnswersAConflictAndWritesNothing()
    {
        var meanwhile = new InsertMeanwhile(Database.ConnectionString, """
            UPDATE "Observations" SET "Value" = 190000, "ReportedValue" = 19, "EnteredBy" = 'other@example.org'
            WHERE "PeriodKind" = 'year' AND "PeriodStart" = DATE '2023-01-01' AND "EnterpriseId" IS NULL
              AND "ParkId" = (SELECT "Id" FROM "Parks" WHERE "Code" = 'beichuan')
              AND "IndicatorId" = (SELECT "Id" FROM "Indicators" WHERE "Code" = 'fixed_asset_investment')
            """);
        var audits = await CountAsync("AuditEntries");

        var result = await UploadOn(meanwhile.Contexts).ProcessAsync(Encoding.UTF8.GetBytes(NewAndChanged), "race.csv", apply: true, "admin@example.org", Ct);

        Assert.True(result.Conflict);
        Assert.False(result.Applied);
        Assert.Equal(audits, await CountAsync("AuditEntries"));
        await using var db = Database.CreateContext();
        Assert.False(await db.Observations.AnyAsync(o => o.PeriodKind == PeriodKind.Point && o.Park.Code == "beichuan"
            && o.Indicator.Code == "fixed_asset_investment", Ct)); // the new figure in the same file was not written either
    }

    [Fact]
    public async Task Upload_Applied_InvalidatesTheReadCache()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        using var cache = new QueryCache(memory);
        Assert.Equal(1, await cache.GetAsync("figures", () => Task.FromResult(1)));

        await UploadOn(Database.Contexts, cache).ProcessAsync(Encoding.UTF8.GetBytes(NewAndChanged), "cache.csv", apply: true, "admin@example.org", Ct);

        Assert.Equal(2, await cache.GetAsync("figures", () => Task.FromResult(2)));
    }

    [Fact]
    public async Task Upload_Preview_LeavesTheReadCacheAlone()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        using var cache = new QueryCache(memory);
        Assert.Equal(1, await cache.GetAsync("figures", () => Task.FromResult(1)));

        await UploadOn(Database.Contexts, cache).ProcessAsync(Encoding.UTF8.GetBytes(NewAndChanged), "cache.csv", apply: false, "admin@example.org", Ct);

        Assert.Equal(1, await cache.GetAsync("figures", () => Task.FromResult(2)));
    }

    private async Task<long> CountAsync(string table) =>
        long.Parse((await DatabaseDump.QueryAsync(Database.ConnectionString, $"SELECT count(*)::text FROM \"{table}\""))[0], System.Globalization.CultureInfo.InvariantCulture);
}
