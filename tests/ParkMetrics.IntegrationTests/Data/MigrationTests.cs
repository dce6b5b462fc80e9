using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Data;

/// <summary>Migrations against a database nothing has touched yet (not the per-class migrated one).</summary>
public sealed class MigrationTests(PostgresServer server)
{
    [Fact]
    public async Task MigrateAsync_EmptyDatabase_CreatesTheTables()
    {
        var connectionString = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

        await MigrateAsync(connectionString);

        Assert.Equal(
            ["AspNetRoleClaims", "AspNetRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "AspNetUsers",
                "AuditEntries", "DataProtectionKeys", "Enterprises", "Indicators", "Observations", "Parks", "PlanPeriods", "Relationships", "Sources", "Units", "__EFMigrationsHistory"],
            await DatabaseDump.QueryAsync(connectionString,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\""));
    }

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationAndLeavesNonePending()
    {
        var connectionString = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

        await MigrateAsync(connectionString);

        await using var db = Context(connectionString);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_SeedsTheThreeFiveYearPlans()
    {
        var connectionString = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

        await MigrateAsync(connectionString);

        await using var db = Context(connectionString);
        var plans = await db.PlanPeriods.AsNoTracking().OrderBy(p => p.StartYear)
            .Select(p => new { p.Code, p.NameZh, p.NameEn, p.StartYear, p.EndYear })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [
                new { Code = "fyp13", NameZh = "十三五", NameEn = "13th Five-Year Plan", StartYear = 2016, EndYear = 2020 },
                new { Code = "fyp14", NameZh = "十四五", NameEn = "14th Five-Year Plan", StartYear = 2021, EndYear = 2025 },
                new { Code = "fyp15", NameZh = "十五五", NameEn = "15th Five-Year Plan", StartYear = 2026, EndYear = 2030 },
            ],
            plans);
    }

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_MakesTheObservationKeyUniqueWithNullsNotDistinct()
    {
        var connectionString = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

        await MigrateAsync(connectionString);

        var definition = Assert.Single(await DatabaseDump.QueryAsync(connectionString,
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'Observations' AND indexname LIKE 'IX%' AND indexdef LIKE 'CREATE UNIQUE INDEX%'"));
        Assert.Contains("(\"ParkId\", \"EnterpriseId\", \"IndicatorId\", \"PeriodKind\", \"PeriodStart\", \"PeriodEnd\", \"SourceId\")",
            definition, StringComparison.Ordinal);
        Assert.EndsWith("NULLS NOT DISTINCT", definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_AlreadyMigratedDatabase_ChangesNothing()
    {
        var connectionString = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await MigrateAsync(connectionString);
        var before = await DatabaseDump.AllTablesAsync(connectionString);

        await MigrateAsync(connectionString);

        Assert.Equal(before, await DatabaseDump.AllTablesAsync(connectionString));
    }

    private static ParkMetricsDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(connectionString).Options);

    private static async Task MigrateAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }
}
