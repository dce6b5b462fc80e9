using System.Text;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>A retired source takes no new figures, on any path, though its existing figures may still be corrected.</summary>
public sealed class RetiredSourceTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const string Admin = "admin@example.org";
    private const string Correction = "beichuan,,fixed_asset_investment,year,2023-01-01,2023-12-31,21,亿元,exact,beichuan-2024,2023年，园区完成固定资产投资21亿元";
    private const string Retired = "beichuan-2024";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ObservationUpload Upload => new(Database.Contexts, Database.Writer);

    private FigureEditor Editor => new(Database.Contexts, Database.Writer);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed);
        await using var db = Database.CreateContext();
        await db.Sources.Where(s => s.Code == Retired).ExecuteUpdateAsync(u => u.SetProperty(s => s.RetiredAt, DateTimeOffset.UtcNow), Ct);
    }

    [Fact]
    public async Task Upload_NewFigure_IsRefusedNamingTheLine()
    {
        using var ui = new UICulture("zh-CN");

        var result = await Upload.ProcessAsync(Encoding.UTF8.GetBytes($"{QuoteRuleTests.Header}\n{QuoteRuleTests.Standing}\n"), "retired.csv", apply: true, Admin, Ct);

        Assert.Equal("retired.csv:2: source: 来源 beichuan-2024 已停用，不能再添加数据", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public async Task Upload_CorrectionOfItsFigure_IsApplied()
    {
        var result = await Upload.ProcessAsync(Encoding.UTF8.GetBytes($"{QuoteRuleTests.Header}\n{Correction}\n"), "retired.csv", apply: true, Admin, Ct);

        Assert.Empty(result.Errors);
        Assert.Equal((true, UploadAction.Change), (result.Applied, Assert.Single(result.Rows).Action));
    }

    [Fact]
    public async Task ImportAsync_NewFigure_IsRefusedAndACorrectionAlone_IsApplied()
    {
        using var folder = SeedFolder.CopyOfRealSeed();
        var file = folder.FileOf("retired.csv");
        await File.WriteAllTextAsync(file, $"{QuoteRuleTests.Header}\n{Correction}\n{QuoteRuleTests.Standing}\n", Ct);
        using var ui = new UICulture("en-US");

        var e = await Assert.ThrowsAsync<SeedValidationException>(() => Database.Writer.ImportAsync(file, "importer", Ct));
        await File.WriteAllTextAsync(file, $"{QuoteRuleTests.Header}\n{Correction}\n", Ct);
        var corrected = await Database.Writer.ImportAsync(file, "importer", Ct);

        Assert.Equal("retired.csv:3: source: source beichuan-2024 is retired and takes no new figures", Assert.Single(e.Errors).ToString());
        Assert.Equal((0, 1), (corrected.Inserted, corrected.Changed));
    }

    [Fact]
    public async Task SaveEntries_NewFigure_IsRefusedNamingTheIndicator()
    {
        var grid = await Editor.LoadAsync("beichuan", 2023, Ct);
        var row = grid.Rows.Single(r => r.IndicatorCode == "industrial_investment");
        var retired = grid.Sources.Single(s => s.Code == Retired); // on offer: the grid's figures hold it
        using var ui = new UICulture("en-US");

        var outcome = await Editor.SaveAsync("beichuan", 2023,
            [new(row.IndicatorId, null, null, 5, Qualifier.Exact, null, retired.Id, null, "园区完成固定资产投资20亿元")], Admin, Ct);

        Assert.Equal($"{row.NameEn}: source beichuan-2024 is retired and takes no new figures", Assert.Single(outcome.Errors).Message);
    }

    [Fact]
    public async Task LoadAsync_RetiredSourceHoldingNoneOfTheGridsFigures_IsNotOffered()
    {
        var grid = await Editor.LoadAsync("ganhe", 2023, Ct);

        Assert.DoesNotContain(grid.Sources, s => s.Code == Retired);
    }
}
