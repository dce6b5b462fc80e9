using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.Testing;

namespace ParkMetrics.IntegrationTests.Data;

public sealed class SeedImporterTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private static readonly string[] SeedFiles = ["units.csv", "parks.csv", "sources.csv", "indicators.csv", "enterprises.csv", "relationships.csv", "observations.csv"];

    [Fact]
    public async Task ImportAsync_RealSeedIntoEmptyDatabase_InsertsEveryRecord()
    {
        var result = await Database.SeedAsync(RepositoryPaths.Seed);

        Assert.Equal(new SeedResult(SeedFiles.Sum(Records), 0, 0), result);
        await using var db = Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(Records("units.csv"), await db.Units.CountAsync(ct));
        Assert.Equal(Records("parks.csv"), await db.Parks.CountAsync(ct));
        Assert.Equal(Records("sources.csv"), await db.Sources.CountAsync(ct));
        Assert.Equal(Records("indicators.csv"), await db.Indicators.CountAsync(ct));
        Assert.Equal(Records("enterprises.csv"), await db.Enterprises.CountAsync(ct));
        Assert.Equal(Records("observations.csv"), await db.Observations.CountAsync(ct));
        Assert.True(await db.Observations.CountAsync(ct) >= 200);
        Assert.Equal(3, await db.PlanPeriods.CountAsync(ct));
    }

    [Fact]
    public async Task ImportAsync_RealSeedTwice_ReportsNothingChangedAndLeavesEveryRowAsItWas()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var observations = await DatabaseDump.TableAsync(Database.ConnectionString, "Observations");
        var everything = await Database.DumpAsync();

        var again = await Database.SeedAsync(RepositoryPaths.Seed);

        Assert.Equal(new SeedResult(0, 0, SeedFiles.Sum(Records)), again);
        Assert.False(again.ChangedAnything);
        Assert.Equal(observations, await DatabaseDump.TableAsync(Database.ConnectionString, "Observations"));
        Assert.Equal(everything, await Database.DumpAsync());
    }

    [Fact]
    public async Task ImportAsync_OneFigureCorrectedInTheSeed_UpdatesOnlyThatRow()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var before = await DatabaseDump.TableAsync(Database.ConnectionString, "Observations");
        using var seed = SeedFolder.CopyOfRealSeed();
        var target = seed.Read("observations.csv").Records.First(r => r["quote"].Contains(r["value"], StringComparison.Ordinal) && r["subject"].Length == 0);
        var corrected = target["value"] + "1";
        seed.Rewrite("observations.csv", records => records.Select(r => r.Line == target.Line
            ? r.With("value", corrected).With("quote", r["quote"].Replace(r["value"], corrected, StringComparison.Ordinal))
            : r));

        var result = await Database.SeedAsync(seed.Path);

        Assert.Equal(new SeedResult(0, 1, SeedFiles.Sum(Records) - 1), result);
        var after = await DatabaseDump.TableAsync(Database.ConnectionString, "Observations");
        Assert.Single(before.Except(after));
        Assert.Single(after.Except(before));
        await using var db = Database.CreateContext();
        var stored = await db.Observations.AsNoTracking()
            .SingleAsync(o => o.Park.Code == target["park"] && o.EnterpriseId == null && o.Indicator.Code == target["indicator"]
                && o.PeriodStart == DateOnly.Parse(target["period_start"], null) && o.PeriodEnd == DateOnly.Parse(target["period_end"], null)
                && o.Source.Code == target["source"], TestContext.Current.CancellationToken);
        Assert.Equal(decimal.Parse(corrected, System.Globalization.CultureInfo.InvariantCulture), stored.ReportedValue);
    }

    [Fact]
    public async Task ImportAsync_FigureDroppedFromTheSeed_DeletesOnlyThatFigure()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var before = await DatabaseDump.TableAsync(Database.ConnectionString, "Observations");
        using var seed = SeedFolder.CopyOfRealSeed();
        var dropped = seed.Read("observations.csv").Records[^1];
        seed.Rewrite("observations.csv", records => records.Where(r => r.Line != dropped.Line));

        var result = await Database.SeedAsync(seed.Path);

        Assert.Equal(new SeedResult(0, 0, SeedFiles.Sum(Records) - 1, 1), result);
        var after = await DatabaseDump.TableAsync(Database.ConnectionString, "Observations");
        Assert.Equal(before.Count - 1, after.Count);
        Assert.Equal(2, before.Except(after).Count()); // the dropped row and the old row count
        Assert.Single(after.Except(before)); // the new row count
    }

    [Fact]
    public async Task ImportAsync_FigureOfASourceNotInTheSeed_IsKept()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        long adminFigure;
        await using (var db = Database.CreateContext())
        {
            var template = await db.Observations.AsNoTracking().OrderBy(o => o.Id).FirstAsync(TestContext.Current.CancellationToken);
            var source = new Source { Code = "admin-entry", FileName = "-", Title = "Entered by an admin", AsOf = new DateOnly(2025, 12, 31) };
            var figure = new Observation
            {
                ParkId = template.ParkId,
                EnterpriseId = template.EnterpriseId,
                IndicatorId = template.IndicatorId,
                PeriodKind = template.PeriodKind,
                PeriodStart = template.PeriodStart,
                PeriodEnd = template.PeriodEnd,
                PlanPeriodId = template.PlanPeriodId,
                Source = source,
                Value = template.Value,
                ReportedValue = template.ReportedValue,
                ReportedUnit = template.ReportedUnit,
                Qualifier = template.Qualifier,
                Quote = template.Quote,
            };
            db.Observations.Add(figure);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            adminFigure = figure.Id;
        }
        var before = await Database.DumpAsync();

        var result = await Database.SeedAsync(RepositoryPaths.Seed);

        Assert.Equal(new SeedResult(0, 0, SeedFiles.Sum(Records)), result);
        Assert.Equal(before, await Database.DumpAsync());
        await using var check = Database.CreateContext();
        Assert.True(await check.Observations.AnyAsync(o => o.Id == adminFigure, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ImportAsync_RealSeed_LinksParksEnterprisesAndBaseIndicatorsAsTheCsvSays()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);

        await using var db = Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var parks = await db.Parks.AsNoTracking().Select(p => new { p.Code, Parent = p.Parent == null ? "" : p.Parent.Code })
            .ToDictionaryAsync(p => p.Code, p => p.Parent, ct);
        Assert.Equal(Csv.ReadFile(SeedFile("parks.csv")).Records.ToDictionary(r => r["code"], r => r["parent"]), parks);
        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new { i.Code, i.UnitCode, Base = i.BaseIndicator == null ? "" : i.BaseIndicator.Code })
            .ToDictionaryAsync(i => i.Code, i => (i.UnitCode, i.Base), ct);
        Assert.Equal(Csv.ReadFile(SeedFile("indicators.csv")).Records.ToDictionary(r => r["code"], r => (r["unit"], r["base"])), indicators);
        var enterprises = await db.Enterprises.AsNoTracking().Include(e => e.Park).ToListAsync(ct);
        Assert.All(Csv.ReadFile(SeedFile("enterprises.csv")).Records, r =>
        {
            var e = Assert.Single(enterprises, e => e.Name == r["name"]);
            Assert.Equal(r["park"], e.Park.Code);
            Assert.Equal(List(r["aliases"]), e.Aliases);
            Assert.Equal(List(r["designations"]), e.Designations);
        });
    }

    [Fact]
    public async Task ImportAsync_RealSeed_PutsEachObservationInThePlanPeriodContainingIt()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);

        await using var db = Database.CreateContext();
        var observations = await db.Observations.AsNoTracking()
            .Select(o => new { o.PeriodKind, o.PeriodStart, o.PeriodEnd, Plan = o.PlanPeriod == null ? null : o.PlanPeriod.Code })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(observations, o =>
        {
            var containing = PlanPeriod.All.FirstOrDefault(p => p.StartYear <= o.PeriodStart.Year && o.PeriodEnd.Year <= p.EndYear);
            Assert.Equal(containing?.Code, o.Plan);
            if (o.PeriodKind is PeriodKind.PlanCumulative or PeriodKind.PlanToDate) Assert.NotNull(o.Plan);
        });
    }

    private static string SeedFile(string name) => Path.Combine(RepositoryPaths.Seed, name);

    private static int Records(string file) => Csv.ReadFile(SeedFile(file)).Records.Count;

    private static List<string> List(string field) =>
        [.. field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
