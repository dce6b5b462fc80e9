using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>
/// What the grid, the restore and the enterprise form refuse before the database would: a change onto a key another
/// figure holds, text longer than its column, a restore without a reason or one that came second; nothing is written.
/// </summary>
public sealed class EntryGuardTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const string Admin = "admin@example.org";
    private const string SeedSource = "beichuan-2024";
    private const string SeedQuote = "园区完成固定资产投资20亿元";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FigureEditor Editor => new(Database.Contexts, Database.Writer);

    private async Task<(EntryGrid Grid, EntryRow Row)> RowAsync(string park, int year, string indicator)
    {
        var grid = await Editor.LoadAsync(park, year, Ct);
        return (grid, grid.Rows.Single(r => r.IndicatorCode == indicator));
    }

    private async Task<int> SourceIdAsync(string code)
    {
        await using var db = Database.CreateContext();
        return await db.Sources.Where(s => s.Code == code).Select(s => s.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task Save_SeedFigureDeletedRetypedAndItsSourceSetBack_ReportsTheDeletedFigureInsteadOfSaved()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var seedSource = await SourceIdAsync(SeedSource);
        var (grid, row) = await RowAsync("beichuan", 2023, "fixed_asset_investment");
        Assert.True((await Editor.SaveAsync("beichuan", 2023,
            [new(row.IndicatorId, row.ObservationId, row.Version, null, Qualifier.Exact, null, seedSource, "wrong park")], Admin, Ct)).Saved);
        (grid, row) = await RowAsync("beichuan", 2023, "fixed_asset_investment");
        Assert.True((await Editor.SaveAsync("beichuan", 2023,
            [new(row.IndicatorId, null, null, 20, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, null)], Admin, Ct)).Saved);
        (grid, row) = await RowAsync("beichuan", 2023, "fixed_asset_investment");
        var before = await Database.DumpAsync();

        var outcome = await Editor.SaveAsync("beichuan", 2023,
            [new(row.IndicatorId, row.ObservationId, row.Version, 20, Qualifier.Exact, null, seedSource, null, SeedQuote)], Admin, Ct);

        Assert.False(outcome.Saved);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(row.IndicatorId, error.IndicatorId);
        Assert.Contains(SeedSource, error.Message, StringComparison.Ordinal);
        Assert.Contains("已删除", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Fact]
    public async Task Save_SourceSetToOneThatHoldsALiveFigure_ReportsAConflictWithItsValue()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var seedSource = await SourceIdAsync(SeedSource);
        // A second figure for the same year under another source, entered by hand.
        await using (var db = Database.CreateContext())
        {
            var notes = db.Sources.Add(new Source { Code = "admin-notes", Kind = SourceKind.Other, Title = "管理员笔记", AsOf = new DateOnly(2025, 12, 31) }).Entity;
            var seeded = await db.Observations.SingleAsync(o => o.Park.Code == "beichuan" && o.Indicator.Code == "fixed_asset_investment"
                && o.PeriodKind == PeriodKind.Year && o.PeriodStart == new DateOnly(2023, 1, 1), Ct);
            db.Observations.Add(new Observation
            {
                ParkId = seeded.ParkId, IndicatorId = seeded.IndicatorId, PeriodKind = PeriodKind.Year, PeriodStart = seeded.PeriodStart,
                PeriodEnd = seeded.PeriodEnd, Value = 19, ReportedValue = 19, ReportedUnit = seeded.ReportedUnit, Qualifier = Qualifier.Exact,
                Source = notes, Quote = "", EnteredBy = Admin,
            });
            await db.SaveChangesAsync(Ct);
        }
        var (_, row) = await RowAsync("beichuan", 2023, "fixed_asset_investment");
        Assert.NotNull(row.EnteredBy); // the grid shows the admin's figure

        var outcome = await Editor.SaveAsync("beichuan", 2023,
            [new(row.IndicatorId, row.ObservationId, row.Version, 19, Qualifier.Exact, null, seedSource, null, SeedQuote)], Admin, Ct);

        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal((19m, 200_000m), (conflict.Yours, conflict.Theirs));
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("note")]
    public async Task Save_TextLongerThanItsColumn_IsRefusedNamingTheFieldAndNothingIsWritten(string field)
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var (grid, row) = await RowAsync("ganhe", 2031, "industrial_investment");
        var text = new string('长', 501);
        var before = await Database.DumpAsync();

        var outcome = await Editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, null, null, 7, Qualifier.Exact, field == "note" ? text : null,
            grid.StatisticsOfficeSourceId, field == "reason" ? text : null)], Admin, Ct);

        var error = Assert.Single(outcome.Errors);
        Assert.Contains(field == "reason" ? "原因最多 500 个字符" : "备注最多 500 个字符", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Restore_WithoutAReason_AsksForOneAndRestoresNothing(string? reason)
    {
        var id = await DeletedFigureAsync();

        var result = await Editor.RestoreAsync(id, Admin, reason, Ct);

        Assert.Equal((false, "恢复数据需要填写原因"), (result.Restored, result.Problem));
        Assert.Single(await Editor.DeletedAsync(Ct));
    }

    [Fact]
    public async Task Restore_ReasonOver500Characters_IsRefusedNamingIt()
    {
        var id = await DeletedFigureAsync();

        var result = await Editor.RestoreAsync(id, Admin, new string('x', 501), Ct);

        Assert.False(result.Restored);
        Assert.StartsWith("原因最多 500 个字符", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_TwoAdminsAtOnce_OneRestoresTheOtherIsToldItWasRestoredMeanwhile()
    {
        var id = await DeletedFigureAsync();

        var results = await Task.WhenAll(Editor.RestoreAsync(id, "a@example.org", "mistake", Ct), Editor.RestoreAsync(id, "b@example.org", "mistake", Ct));

        Assert.Single(results, r => r.Restored);
        Assert.Equal("该数据已被他人恢复，列表已刷新", Assert.Single(results, r => !r.Restored).Problem);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == AuditAction.Restore, Ct));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("sector")]
    [InlineData("reason")]
    public async Task SaveEnterprise_TextLongerThanItsColumn_IsRefusedNamingTheFieldAndNothingIsWritten(string field)
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var enterprises = new EnterpriseEditor(Database.Contexts);
        var text = new string('长', field == "name" ? 201 : field == "sector" ? 101 : 501);
        var before = await Database.DumpAsync();

        var result = await enterprises.SaveAsync(new EnterpriseForm(null, null, field == "name" ? text : "长名企业", "ganhe", field == "sector" ? text : null, [], []),
            Admin, field == "reason" ? text : null, Ct);

        Assert.Equal(EnterpriseSaveStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains("最多", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Database.DumpAsync());
    }

    /// <summary>A figure entered in the grid and deleted there; its id.</summary>
    private async Task<long> DeletedFigureAsync()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var (grid, row) = await RowAsync("ganhe", 2031, "industrial_investment");
        await Editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, null, null, 7, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, null)], Admin, Ct);
        (grid, row) = await RowAsync("ganhe", 2031, "industrial_investment");
        Assert.True((await Editor.SaveAsync("ganhe", 2031,
            [new(row.IndicatorId, row.ObservationId, row.Version, null, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, "typo")], Admin, Ct)).Saved);
        return row.ObservationId!.Value;
    }
}
