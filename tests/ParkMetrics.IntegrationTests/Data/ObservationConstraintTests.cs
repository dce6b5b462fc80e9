using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.Testing;

namespace ParkMetrics.IntegrationTests.Data;

/// <summary>What the database itself enforces on observations, below the seed checks: the natural key, the period order, xmin.</summary>
public sealed class ObservationConstraintTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed);
    }

    [Fact]
    public async Task SaveChanges_DuplicateParkLevelObservation_ThrowsUniqueViolation()
    {
        var existing = await FirstAsync(o => o.EnterpriseId == null);

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => InsertCopyAsync(existing, _ => { }));

        var postgres = Assert.IsType<PostgresException>(e.InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
        Assert.StartsWith("IX_Observations_ParkId_EnterpriseId_IndicatorId", postgres.ConstraintName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_DuplicateEnterpriseObservation_ThrowsUniqueViolation()
    {
        var existing = await FirstAsync(o => o.EnterpriseId != null);

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => InsertCopyAsync(existing, _ => { }));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(e.InnerException).SqlState);
    }

    [Fact]
    public async Task SaveChanges_SameFigureFromAnotherSource_IsStored()
    {
        var existing = await FirstAsync(o => o.EnterpriseId == null);
        await using var db = Database.CreateContext();
        var otherSource = await db.Sources.Where(s => s.Id != existing.SourceId).Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);

        await InsertCopyAsync(existing, o => o.SourceId = otherSource);

        Assert.Equal(2, await db.Observations.CountAsync(o => o.ParkId == existing.ParkId && o.EnterpriseId == null
            && o.IndicatorId == existing.IndicatorId && o.PeriodKind == existing.PeriodKind
            && o.PeriodStart == existing.PeriodStart && o.PeriodEnd == existing.PeriodEnd, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveChanges_PeriodStartAfterEnd_ThrowsCheckViolation()
    {
        var existing = await FirstAsync(o => o.EnterpriseId == null);

        var e = await Assert.ThrowsAsync<DbUpdateException>(() =>
            InsertCopyAsync(existing, o => (o.PeriodStart, o.PeriodEnd) = (new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 31))));

        var postgres = Assert.IsType<PostgresException>(e.InnerException);
        Assert.Equal(PostgresErrorCodes.CheckViolation, postgres.SqlState);
        Assert.Equal("CK_Observations_Period", postgres.ConstraintName);
    }

    [Fact]
    public async Task SaveChanges_ObservationEditedMeanwhile_ThrowsConcurrencyException()
    {
        var id = (await FirstAsync(o => o.EnterpriseId == null)).Id;
        var ct = TestContext.Current.CancellationToken;
        await using var first = Database.CreateContext();
        await using var second = Database.CreateContext();
        var mine = await first.Observations.SingleAsync(o => o.Id == id, ct);
        var theirs = await second.Observations.SingleAsync(o => o.Id == id, ct);
        theirs.Value += 1;
        await second.SaveChangesAsync(ct);

        mine.Value += 2;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync(ct));
    }

    private async Task<Observation> FirstAsync(System.Linq.Expressions.Expression<Func<Observation, bool>> where)
    {
        await using var db = Database.CreateContext();
        return await db.Observations.AsNoTracking().Where(where).OrderBy(o => o.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    private async Task InsertCopyAsync(Observation existing, Action<Observation> change)
    {
        await using var db = Database.CreateContext();
        var copy = new Observation
        {
            ParkId = existing.ParkId,
            EnterpriseId = existing.EnterpriseId,
            IndicatorId = existing.IndicatorId,
            PeriodKind = existing.PeriodKind,
            PeriodStart = existing.PeriodStart,
            PeriodEnd = existing.PeriodEnd,
            PlanPeriodId = existing.PlanPeriodId,
            SourceId = existing.SourceId,
            Value = existing.Value + 1,
            ReportedValue = existing.ReportedValue + 1,
            ReportedUnit = existing.ReportedUnit,
            Qualifier = existing.Qualifier,
            Quote = "另一个数字",
        };
        change(copy);
        db.Observations.Add(copy);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
