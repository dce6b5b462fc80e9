using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>A figure an admin entered, corrected or deleted is never silently overwritten by a seed or a bulk import.</summary>
public sealed class AdminFigureKeptTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const string Admin = "admin@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FigureEditor Editor => new(Database.Contexts, Database.Writer);

    private static readonly string[] SeedFiles = ["units.csv", "parks.csv", "sources.csv", "indicators.csv", "enterprises.csv", "relationships.csv", "observations.csv"];

    private static int SeedRecords => SeedFiles.Sum(f => Csv.ReadFile(Path.Combine(RepositoryPaths.Seed, f)).Records.Count);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed);
    }

    [Fact]
    public async Task SeedAsync_AfterAnAdminCorrectedASeedFigure_KeepsItAndSaysSo()
    {
        var row = await InvestmentAsync();
        Assert.True((await Editor.SaveAsync("beichuan", 2023, [Change(row, 210_000)], Admin, Ct)).Saved);
        var before = await Database.DumpAsync();

        var result = await Database.SeedAsync(RepositoryPaths.Seed);

        Assert.Equal(new ParkMetrics.Data.Seeding.SeedResult(0, 0, SeedRecords - 1, 0, Kept: 1), result);
        Assert.Equal(before, await Database.DumpAsync());
        var kept = await InvestmentAsync();
        Assert.Equal((210_000m, Admin), (kept.Value, kept.EnteredBy));
    }

    [Fact]
    public async Task SeedAsync_AfterAnAdminDeletedASeedFigure_LeavesItDeleted()
    {
        var row = await InvestmentAsync();
        Assert.True((await Editor.SaveAsync("beichuan", 2023, [Change(row, null, "counted twice")], Admin, Ct)).Saved);

        var result = await Database.SeedAsync(RepositoryPaths.Seed);

        Assert.Equal((0, 0, 1), (result.Inserted, result.Updated, result.Kept));
        Assert.Null((await InvestmentAsync()).Value);
    }

    [Fact]
    public async Task ImportAsync_FileHoldingAFigureAnAdminCorrected_KeepsItAndCountsIt()
    {
        var row = await InvestmentAsync();
        Assert.True((await Editor.SaveAsync("beichuan", 2023, [Change(row, 210_000)], Admin, Ct)).Saved);
        using var folder = SeedFolder.CopyOfRealSeed();
        var file = folder.FileOf("import.csv");
        await File.WriteAllTextAsync(file, $"""
            {QuoteRuleTests.Header}
            beichuan,,fixed_asset_investment,year,2023-01-01,2023-12-31,20,亿元,exact,beichuan-2024,园区完成固定资产投资20亿元
            beichuan,,output_per_mu,year,2023-01-01,2023-12-31,199,万元/亩,exact,beichuan-2024,建成区域亩均产值达到199万元
            {QuoteRuleTests.Standing}

            """, Ct);

        var result = await Database.Writer.ImportAsync(file, "importer", Ct);

        Assert.Equal((3, 1, 1, 1), (result.Rows, result.Inserted, result.Changed, result.Kept));
        var kept = await InvestmentAsync();
        Assert.Equal((210_000m, Admin), (kept.Value, kept.EnteredBy));
        await using var db = Database.CreateContext();
        Assert.Equal(199m, (await db.Observations.SingleAsync(o => o.Indicator.Code == "output_per_mu" && o.Park.Code == "beichuan"
            && o.PeriodStart == new DateOnly(2023, 1, 1), Ct)).ReportedValue);
    }

    /// <summary>Beichuan's 2023 fixed-asset investment in the entry grid: the seed's 20亿元 (200 000 万元) from beichuan-2024.</summary>
    private async Task<EntryRow> InvestmentAsync() =>
        (await Editor.LoadAsync("beichuan", 2023, Ct)).Rows.Single(r => r.IndicatorCode == "fixed_asset_investment");

    private static EntryChange Change(EntryRow row, decimal? value, string? reason = null) =>
        new(row.IndicatorId, row.ObservationId, row.Version, value, Qualifier.Exact, null, row.SourceId!.Value, reason);
}
