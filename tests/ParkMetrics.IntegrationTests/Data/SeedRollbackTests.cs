using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.Testing;

namespace ParkMetrics.IntegrationTests.Data;

/// <summary>A seed with good rows and one bad row writes nothing, whether the database is empty or already seeded.</summary>
public sealed class SeedRollbackTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const int GoodPrefix = 20;

    public static TheoryData<string, bool> BadRowsOnEmptyAndSeededDatabases
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var kind in (string[])["unknown_park", "value_not_a_number", "duplicate_natural_key", "bad_date"])
            {
                data.Add(kind, false);
                data.Add(kind, true);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadRowsOnEmptyAndSeededDatabases))]
    public async Task SeedAsync_GoodPrefixThenBadRow_AbortsWithTheErrorAndChangesNothing(string kind, bool alreadySeeded)
    {
        if (alreadySeeded) await Database.SeedAsync(RepositoryPaths.Seed);
        using var seed = SeedFolder.CopyOfRealSeed();
        seed.KeepFirst(BadRows.Observations, GoodPrefix);
        var expected = BadRows.Apply(kind, seed);
        var before = await Database.DumpAsync();
        using var ui = new UICulture("zh-CN");

        var e = await Assert.ThrowsAsync<SeedValidationException>(() => Database.SeedAsync(seed.Path));

        Assert.Equal(expected.Format(ui.Culture), e.Message);
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImportAsync_RowTheDatabaseRejects_RollsBackTheRowsBeforeIt(bool alreadySeeded)
    {
        if (alreadySeeded) await Database.SeedAsync(RepositoryPaths.Seed);
        using var seed = SeedFolder.CopyOfRealSeed();
        seed.KeepFirst(BadRows.Observations, GoodPrefix);
        var valid = SeedSet.Load(seed.Path);
        // SeedSet.Load refuses values beyond numeric(28,10); a set built in code reaches the database, which refuses it
        // after the rows before it were sent in the same transaction.
        var last = valid.Observations[^1];
        var loaded = new SeedSet
        {
            Parks = valid.Parks, Units = valid.Units, Sources = valid.Sources, Indicators = valid.Indicators, Enterprises = valid.Enterprises,
            Observations = [.. valid.Observations, last with { PeriodKind = PeriodKind.Point, Start = new(2024, 12, 31), End = new(2024, 12, 31), Value = 99_999_999_999_999_999_999m }],
        };
        var before = await Database.DumpAsync(withSequences: false);

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => Database.Writer.SeedAsync(loaded, "seed@example.org", TestContext.Current.CancellationToken));
        Assert.Equal(PostgresErrorCodes.NumericValueOutOfRange, Assert.IsType<PostgresException>(e.InnerException).SqlState);

        Assert.Equal(before, await Database.DumpAsync(withSequences: false));
    }
}
