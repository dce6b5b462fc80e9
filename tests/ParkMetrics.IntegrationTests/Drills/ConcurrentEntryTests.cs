using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>
/// Two admins saving the same figure of the yearly grid at the same time, over and over: every save is saved whole or
/// refused as a conflict, no saved value is lost, and the audit holds exactly the saves that went through.
/// </summary>
public sealed class ConcurrentEntryTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const string Park = "dongchuan";
    private const string Indicator = "industrial_investment";
    private const int Iterations = 40;

    private sealed record Attempt(string User, decimal Value, SaveOutcome Outcome);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FigureEditor Editor => new(Database.Contexts, Database.Writer);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed);
    }

    [Fact]
    public async Task Save_TwoAdminsUpdateTheSameFigureInALoop_NoUpdateIsLostAndEachSaveIsAuditedOnce()
    {
        const int year = 2040; // no seed figure in this year
        var editor = Editor;
        var (grid, row) = await RowAsync(editor, year);
        Assert.True((await editor.SaveAsync(Park, year, [Change(grid, row, 1)], "setup@example.org", Ct)).Saved);

        var attempts = (await Task.WhenAll(Task.Run(() => AdminAsync("a@example.org", 1000)), Task.Run(() => AdminAsync("b@example.org", 2000))))
            .SelectMany(a => a).ToList();

        async Task<List<Attempt>> AdminAsync(string user, decimal offset)
        {
            var mine = new List<Attempt>();
            for (var i = 1; i <= Iterations; i++)
            {
                var (g, r) = await RowAsync(editor, year);
                mine.Add(new(user, offset + i, await editor.SaveAsync(Park, year, [Change(g, r, offset + i)], user, Ct)));
            }
            return mine;
        }

        var saved = attempts.Where(a => a.Outcome is { Inserted: 0, Updated: 1, Deleted: 0, Saved: true }).ToList();
        var refused = attempts.Where(a => a.Outcome.Conflicts is [{ } c] && c.Yours == a.Value && c.IndicatorId == row.IndicatorId).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{attempts.Count} concurrent saves: {saved.Count} saved, {refused.Count} refused as conflicts");
        Assert.Equal(2 * Iterations, saved.Count + refused.Count);
        Assert.NotEmpty(saved);

        // In the order the saves committed (each waited for the row the previous one wrote), each builds on the last.
        var audit = await AuditAsync(row.IndicatorId, year);
        Assert.Equal(AuditAction.Insert, audit[0].Action);
        Assert.All(audit.Skip(1), a => Assert.Equal(AuditAction.Update, a.Action));
        Assert.Equal(audit.SkipLast(1).Select(a => ValueIn(a.After)), audit.Skip(1).Select(a => ValueIn(a.Before)));
        // One entry per save that went through, and none for a refused one.
        Assert.Equal(saved.Select(a => (a.User, a.Value)).Order(), audit.Skip(1).Select(a => (a.UserName, ValueIn(a.After))).Order());

        var (_, final) = await RowAsync(editor, year);
        Assert.Equal((audit[^1].UserName, ValueIn(audit[^1].After)), (final.EnteredBy!, final.Value!.Value));
    }

    [Fact]
    public async Task Save_TwoAdminsEnterTheSameNewFigureAtOnce_OneIsSavedAndTheOtherRefused()
    {
        var editor = Editor;
        for (var year = 2050; year < 2060; year++)
        {
            var (gridA, rowA) = await RowAsync(editor, year);
            var (gridB, rowB) = await RowAsync(editor, year);
            var y = year;

            var outcomes = await Task.WhenAll(
                Task.Run(() => editor.SaveAsync(Park, y, [Change(gridA, rowA, 10)], "a@example.org", Ct)),
                Task.Run(() => editor.SaveAsync(Park, y, [Change(gridB, rowB, 20)], "b@example.org", Ct)));

            Assert.Single(outcomes, o => o.Saved);
            var conflict = Assert.Single(Assert.Single(outcomes, o => !o.Saved).Conflicts);
            var (_, stored) = await RowAsync(editor, year);
            Assert.Equal(outcomes[0].Saved ? 10 : 20, stored.Value);
            Assert.Equal(stored.Value, conflict.Theirs);
            Assert.Single(await AuditAsync(rowA.IndicatorId, year));
        }
    }

    private static async Task<(EntryGrid Grid, EntryRow Row)> RowAsync(FigureEditor editor, int year)
    {
        var grid = await editor.LoadAsync(Park, year, Ct);
        return (grid, grid.Rows.Single(r => r.IndicatorCode == Indicator));
    }

    private static EntryChange Change(EntryGrid grid, EntryRow row, decimal value) =>
        new(row.IndicatorId, row.ObservationId, row.Version, value, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, null);

    /// <summary>The audit of the park's figure for the indicator and year, in the order it was written.</summary>
    private async Task<List<AuditEntry>> AuditAsync(int indicatorId, int year)
    {
        await using var db = Database.CreateContext();
        var figures = db.Observations.IgnoreQueryFilters()
            .Where(o => o.Park.Code == Park && o.IndicatorId == indicatorId && o.PeriodStart == new DateOnly(year, 1, 1)).Select(o => o.Id);
        return await db.AuditEntries.Where(a => a.EntityType == Audit.ObservationType && figures.Contains(a.EntityId)).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private static decimal ValueIn(string? snapshot)
    {
        using var json = JsonDocument.Parse(snapshot!);
        return json.RootElement.GetProperty("value").GetDecimal();
    }
}
