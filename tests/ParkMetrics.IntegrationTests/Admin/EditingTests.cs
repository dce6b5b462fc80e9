using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ParkMetrics.Data;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Writing;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary>Yearly entry, audit, soft delete and bulk upload against the app's seeded database, reset before each test.</summary>
public sealed class EditingTests(AdminApp app) : SeededStateTest(app), IClassFixture<AdminApp>
{
    /// <summary>A year the seed has no figures for: every grid starts empty.</summary>
    private const int Year = 2030;

    private const string Header = "park,subject,indicator,period_kind,period_start,period_end,value,unit,qualifier,source,quote";

    private IDbContextFactory<ParkMetricsDbContext> Contexts => new PooledDbContextFactory<ParkMetricsDbContext>(
        new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(app.ConnectionString).Options);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(EntryGrid Grid, EntryRow Row)> RowAsync(string park, int year, string indicator)
    {
        var grid = await new FigureEditor(Contexts, new FigureWriter(Contexts)).LoadAsync(park, year, Ct);
        return (grid, grid.Rows.Single(r => r.IndicatorCode == indicator));
    }

    private static EntryChange Change(EntryGrid grid, EntryRow row, decimal? value, string? reason = null) =>
        new(row.IndicatorId, row.ObservationId, row.Version, value, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, reason);

    [Fact]
    public async Task Save_TwoAdminsEditTheSameFigure_SecondIsRefusedWithBothValues()
    {
        var editor = new FigureEditor(Contexts, new FigureWriter(Contexts));
        var (grid, row) = await RowAsync("ganhe", Year, "fixed_asset_investment");
        Assert.True((await editor.SaveAsync("ganhe", Year, [Change(grid, row, 100)], "first@example.org", Ct)).Saved);

        // Both admins open the grid with the same version of the figure.
        var (gridA, rowA) = await RowAsync("ganhe", Year, "fixed_asset_investment");
        var (gridB, rowB) = await RowAsync("ganhe", Year, "fixed_asset_investment");
        var first = await editor.SaveAsync("ganhe", Year, [Change(gridA, rowA, 120)], "a@example.org", Ct);
        var second = await editor.SaveAsync("ganhe", Year, [Change(gridB, rowB, 130)], "b@example.org", Ct);

        Assert.True(first.Saved);
        var conflict = Assert.Single(second.Conflicts);
        Assert.Equal(130m, conflict.Yours);
        Assert.Equal(120m, conflict.Theirs);
        Assert.Equal("a@example.org", conflict.TheirsBy);
        Assert.Equal(120m, (await RowAsync("ganhe", Year, "fixed_asset_investment")).Row.Value);
    }

    [Fact]
    public async Task Save_InsertChangeDeleteRestore_WritesOneAuditEntryEach()
    {
        var editor = new FigureEditor(Contexts, new FigureWriter(Contexts));
        var (grid, row) = await RowAsync("dongchuan", Year, "industrial_investment");
        await editor.SaveAsync("dongchuan", Year, [Change(grid, row, 50)], "admin@example.org", Ct);
        (grid, row) = await RowAsync("dongchuan", Year, "industrial_investment");
        await editor.SaveAsync("dongchuan", Year, [Change(grid, row, 55, "corrected by the statistics office")], "admin@example.org", Ct);
        (grid, row) = await RowAsync("dongchuan", Year, "industrial_investment");
        await editor.SaveAsync("dongchuan", Year, [Change(grid, row, null, "entered twice")], "admin@example.org", Ct);
        var id = row.ObservationId!.Value;
        Assert.Null((await RowAsync("dongchuan", Year, "industrial_investment")).Row.Value); // gone from every read
        Assert.True((await editor.RestoreAsync(id, "admin@example.org", "deleted by mistake", Ct)).Restored);

        var history = await editor.HistoryAsync(id, Ct);
        Assert.Equal([AuditAction.Restore, AuditAction.Delete, AuditAction.Update, AuditAction.Insert], history.Select(h => h.Action));
        Assert.Equal(50m, ValueIn(history[2].Before));
        Assert.Equal(55m, ValueIn(history[2].After));
        Assert.Null(history[3].Before);
        Assert.Equal("corrected by the statistics office", history[2].Reason);
        Assert.All(history, h => Assert.Equal("admin@example.org", h.UserName));
        Assert.Equal(55m, (await RowAsync("dongchuan", Year, "industrial_investment")).Row.Value);
    }

    private static decimal ValueIn(string? snapshot)
    {
        using var json = System.Text.Json.JsonDocument.Parse(snapshot!);
        return json.RootElement.GetProperty("value").GetDecimal();
    }

    [Fact]
    public async Task Save_OneRowConflicts_SavesNoneOfTheGrid()
    {
        var editor = new FigureEditor(Contexts, new FigureWriter(Contexts));
        var (grid, row) = await RowAsync("ganhe", Year, "industrial_investment");
        await editor.SaveAsync("ganhe", Year, [Change(grid, row, 10)], "a@example.org", Ct);
        var (stale, staleRow) = await RowAsync("ganhe", Year, "industrial_investment");
        var (fresh, freshRow) = await RowAsync("ganhe", Year, "industrial_investment");
        await editor.SaveAsync("ganhe", Year, [Change(fresh, freshRow, 11)], "a@example.org", Ct);
        var other = stale.Rows.Single(r => r.IndicatorCode == "fixed_asset_investment");

        var outcome = await editor.SaveAsync("ganhe", Year, [Change(stale, other, 99), Change(stale, staleRow, 12)], "b@example.org", Ct);

        Assert.False(outcome.Saved);
        Assert.Null((await RowAsync("ganhe", Year, "fixed_asset_investment")).Row.Value);
    }

    [Fact]
    public async Task Upload_DryRun_ChangesNothingAndPreviewsEachRow()
    {
        await using var db = app.CreateContext();
        var before = await db.Observations.IgnoreQueryFilters().CountAsync(Ct);
        var csv = $"{Header}\nbeichuan,,industrial_output,year,{Year}-01-01,{Year}-12-31,400,亿元,exact,{AdminApp.NotesSource},产值400亿元\n";

        var result = await new ObservationUpload(Contexts, new FigureWriter(Contexts)).ProcessAsync(Encoding.UTF8.GetBytes(csv), "year.csv", apply: false, "admin@example.org", Ct);

        Assert.Empty(result.Errors);
        Assert.Equal(UploadAction.Insert, Assert.Single(result.Rows).Action);
        Assert.False(result.Applied);
        Assert.Equal(before, await db.Observations.IgnoreQueryFilters().CountAsync(Ct));
    }

    [Fact]
    public async Task Upload_BadRowInTheMiddle_AppliesNothingAndNamesLineAndField()
    {
        await using var db = app.CreateContext();
        var before = await db.Observations.IgnoreQueryFilters().CountAsync(Ct);
        var csv = $"""
            {Header}
            beichuan,,industrial_output,year,{Year}-01-01,{Year}-12-31,410,亿元,exact,{AdminApp.NotesSource},产值410亿元
            beichuan,,industrial_output,year,{Year + 1}-01-01,{Year + 1}-12-31,四百,亿元,exact,{AdminApp.NotesSource},产值四百亿元
            beichuan,,industrial_output,year,{Year + 2}-01-01,{Year + 2}-12-31,420,亿元,exact,{AdminApp.NotesSource},产值420亿元
            """;

        var result = await new ObservationUpload(Contexts, new FigureWriter(Contexts)).ProcessAsync(Encoding.UTF8.GetBytes(csv), "bad.csv", apply: true, "admin@example.org", Ct);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("bad.csv", 3, "value"), (error.File, error.Line, error.Field));
        Assert.False(result.Applied);
        Assert.Equal(before, await db.Observations.IgnoreQueryFilters().CountAsync(Ct));
    }

    [Fact]
    public async Task Upload_GbkFileFromExcel_IsReadAsGbkAndApplied()
    {
        var csv = $"{Header}\r\nbeichuan,,industrial_output,year,{Year}-01-01,{Year}-12-31,430,亿元,approx,{AdminApp.NotesSource},约430亿元\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK").GetBytes(csv);

        var result = await new ObservationUpload(Contexts, new FigureWriter(Contexts)).ProcessAsync(gbk, "excel.csv", apply: true, "admin@example.org", Ct);

        Assert.Empty(result.Errors);
        Assert.Equal("GB18030", result.EncodingNote);
        Assert.True(result.Applied);
        await using var db = app.CreateContext();
        var stored = await db.Observations.SingleAsync(o => o.PeriodStart == new DateOnly(Year, 1, 1) && o.Indicator.Code == "industrial_output", Ct);
        Assert.Equal(("亿元", "约430亿元", 4_300_000m, "admin@example.org"), (stored.ReportedUnit, stored.Quote, stored.Value, stored.EnteredBy));
    }
}
