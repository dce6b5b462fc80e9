using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.Testing;

namespace ParkMetrics.IntegrationTests.Data;

/// <summary>
/// What the database holds for the figures of <c>data/seed/observations.csv</c>, read here from the CSV itself: the
/// value converted exactly to the indicator's unit, and the figure as printed.
/// </summary>
public sealed class StoredValueTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private static readonly IReadOnlyList<CsvRecord> Rows = Csv.ReadFile(SeedFile("observations.csv")).Records;
    private static readonly Dictionary<string, decimal> Factors = Csv.ReadFile(SeedFile("units.csv")).Records
        .ToDictionary(u => u["code"], u => Dec(u["factor"]));
    private static readonly Dictionary<string, string> IndicatorUnits = Csv.ReadFile(SeedFile("indicators.csv")).Records
        .ToDictionary(i => i["code"], i => i["unit"]);

    [Fact]
    public async Task SeedAsync_ApproxFigureInYiYuan_StoresWanYuanExactlyAndTheFigureAsPrinted()
    {
        var row = Rows.First(r => r["unit"] == "亿元" && r["qualifier"] == "approx" && IndicatorUnits[r["indicator"]] == "万元");
        await Database.SeedAsync(RepositoryPaths.Seed);

        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT o."Value"::text, o."ReportedValue"::text, o."ReportedUnit", o."Qualifier", o."PeriodKind", u."Code"
            FROM "Observations" o
            JOIN "Parks" p ON p."Id" = o."ParkId" JOIN "Indicators" i ON i."Id" = o."IndicatorId" JOIN "Sources" s ON s."Id" = o."SourceId"
            JOIN "Units" u ON u."Code" = i."UnitCode"
            WHERE p."Code" = @park AND o."EnterpriseId" IS NOT DISTINCT FROM (SELECT "Id" FROM "Enterprises" WHERE "Name" = @subject)
              AND i."Code" = @indicator AND o."PeriodStart" = @start AND o."PeriodEnd" = @end AND s."Code" = @source
            """, connection);
        command.Parameters.AddWithValue("park", row["park"]);
        command.Parameters.AddWithValue("subject", row["subject"]);
        command.Parameters.AddWithValue("indicator", row["indicator"]);
        command.Parameters.AddWithValue("start", DateOnly.Parse(row["period_start"], CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("end", DateOnly.Parse(row["period_end"], CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("source", row["source"]);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken), $"no row for line {row.Line}");

        Assert.Equal(Dec(row["value"]) * Factors["亿元"], Dec(reader.GetString(0)));
        Assert.Equal(Dec(row["value"]) * 10000, Dec(reader.GetString(0)));
        Assert.Equal(Dec(row["value"]), Dec(reader.GetString(1)));
        Assert.Equal("亿元", reader.GetString(2));
        Assert.Equal("approx", reader.GetString(3));
        Assert.Equal(row["period_kind"], reader.GetString(4));
        Assert.Equal("万元", reader.GetString(5));
        Assert.False(await reader.ReadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SeedAsync_EveryCsvRow_StoresTheValueConvertedExactlyToItsIndicatorsUnit()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);

        var stored = await LoadAsync();
        Assert.Equal(Rows.Count, stored.Count);
        Assert.All(Rows, row =>
        {
            Assert.True(stored.TryGetValue(Key(row), out var o), $"observations.csv:{row.Line} is not in the database");
            var reported = Dec(row["value"]);
            Assert.Equal(reported * Factors[row["unit"]] / Factors[IndicatorUnits[row["indicator"]]], o.Value);
            Assert.Equal(reported, o.ReportedValue);
            Assert.Equal(row["unit"], o.ReportedUnit);
            Assert.Equal(row["qualifier"], EnumCode.Of(o.Qualifier));
            Assert.Equal(row["quote"], o.Quote);
        });
    }

    [Theory]
    [InlineData("亿元", "万元")]
    [InlineData("万吨", "吨")]
    [InlineData("吉瓦", "兆瓦")]
    public async Task SeedAsync_FiguresInALargerUnit_AreStoredMultipliedByTheFactor(string printed, string canonical)
    {
        var rows = Rows.Where(r => r["unit"] == printed && IndicatorUnits[r["indicator"]] == canonical).ToList();
        if (rows.Count == 0) Assert.Skip($"observations.csv has no figure printed in {printed} for an indicator kept in {canonical}.");
        var factor = Factors[printed] / Factors[canonical];
        Assert.True(factor > 1, $"{printed} should be larger than {canonical}");
        await Database.SeedAsync(RepositoryPaths.Seed);

        var stored = await LoadAsync();

        Assert.All(rows, r => Assert.Equal(Dec(r["value"]) * factor, stored[Key(r)].Value));
    }

    private async Task<Dictionary<string, Observation>> LoadAsync()
    {
        await using var db = Database.CreateContext();
        var observations = await db.Observations.AsNoTracking()
            .Include(o => o.Park).Include(o => o.Enterprise).Include(o => o.Indicator).Include(o => o.Source)
            .ToListAsync(TestContext.Current.CancellationToken);
        return observations.ToDictionary(o => string.Join('|', o.Park.Code, o.Enterprise?.Name ?? "", o.Indicator.Code, EnumCode.Of(o.PeriodKind),
            o.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Source.Code));
    }

    private static string Key(CsvRecord r) =>
        string.Join('|', r["park"], r["subject"], r["indicator"], r["period_kind"], r["period_start"], r["period_end"], r["source"]);

    private static string SeedFile(string name) => Path.Combine(RepositoryPaths.Seed, name);

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
}
