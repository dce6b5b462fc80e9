using Npgsql;
using ParkMetrics.Benchmarks.Synthetic;
using ParkMetrics.Data.Seeding;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.Testing;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary><c>ParkMetrics.Benchmarks synth</c>'s generator over the real seed: exactly K figures, the same for the same seed, repeatable.</summary>
public sealed class SyntheticDataTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private static readonly SyntheticOptions Small = new(Parks: 4, Years: 6, Observations: 3_000, Seed: 7);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed);
    }

    private async Task<SyntheticResult> GenerateAsync(SyntheticOptions options)
    {
        await using var db = Database.CreateContext();
        return await SyntheticData.GenerateAsync(db, options, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task GenerateAsync_SameSeedTwice_WritesExactlyTheSameKObservations()
    {
        var seeded = await ScalarAsync("""SELECT count(*) FROM "Observations" """);

        var first = await GenerateAsync(Small);
        var firstRows = await SyntheticRowsAsync();
        var second = await GenerateAsync(Small);
        var secondRows = await SyntheticRowsAsync();

        Assert.Equal(new SyntheticResult(4, 12, 3_000, 0), first);
        Assert.Equal(new SyntheticResult(4, 12, 3_000, 3_000), second);
        Assert.Equal(3_000, firstRows.Count);
        Assert.Equal(firstRows, secondRows);
        Assert.Equal(seeded + 3_000, await ScalarAsync("""SELECT count(*) FROM "Observations" """));
    }

    [Fact]
    public async Task GenerateAsync_AnotherSeed_WritesOtherFiguresOfTheSameCount()
    {
        await GenerateAsync(Small);
        var seven = await SyntheticRowsAsync();

        await GenerateAsync(Small with { Seed = 8 });
        var eight = await SyntheticRowsAsync();

        Assert.Equal(3_000, eight.Count);
        Assert.NotEqual(seven, eight);
    }

    [Fact]
    public async Task GenerateAsync_SmallerSecondRun_LeavesNothingOfTheFirst()
    {
        await GenerateAsync(Small);

        await GenerateAsync(new SyntheticOptions(Parks: 2, Years: 3, Observations: 500, Seed: 1));

        Assert.Equal(2, await ScalarAsync("""SELECT count(*) FROM "Parks" WHERE "Code" LIKE 'synth-%'"""));
        Assert.Equal(6, await ScalarAsync("""SELECT count(*) FROM "Enterprises" e JOIN "Parks" p ON p."Id" = e."ParkId" WHERE p."Code" LIKE 'synth-%'"""));
        Assert.Equal(500, await ScalarAsync("""SELECT count(*) FROM "Observations" o JOIN "Parks" p ON p."Id" = o."ParkId" WHERE p."Code" LIKE 'synth-%'"""));
        Assert.Equal(500, await ScalarAsync("""SELECT count(*) FROM "Observations" o JOIN "Sources" s ON s."Id" = o."SourceId" WHERE s."Code" = 'synthetic'"""));
        Assert.Equal(1, await ScalarAsync("""SELECT count(*) FROM "Sources" WHERE "Code" = 'synthetic'"""));
    }

    [Fact]
    public async Task GenerateAsync_MoreThanTheParksAndYearsHold_ThrowsAndChangesNothing()
    {
        await GenerateAsync(Small);
        var before = await Database.DumpAsync(withSequences: false);
        var schema = await SchemaAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => GenerateAsync(new SyntheticOptions(Parks: 1, Years: 1, Observations: 1_000_000)));

        Assert.Contains("--observations 1000000", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Database.DumpAsync(withSequences: false));
        Assert.Equal(schema, await SchemaAsync());
    }

    [Fact]
    public async Task GenerateAsync_Run_LeavesTheKeysAndIndexesOfObservationsAsTheyWere()
    {
        var schema = await SchemaAsync();

        await GenerateAsync(Small);

        Assert.Equal(schema, await SchemaAsync());
        Assert.Equal(5, schema.Count(s => s.Contains("FOREIGN KEY", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GenerateAsync_Series_HangTogether()
    {
        await GenerateAsync(new SyntheticOptions(Parks: 2, Years: 6, Observations: 5_000, Seed: 3));

        var output = await SeriesAsync("synth-0001", "industrial_output_above_scale", "year");
        var growth = await SeriesAsync("synth-0001", "industrial_output_above_scale_growth", "year");
        Assert.Equal([2020, 2021, 2022, 2023, 2024, 2025], output.Keys);
        for (var year = 2021; year <= 2025; year++)
            Assert.Equal(Math.Round((output[year] / output[year - 1] - 1) * 100, 1, MidpointRounding.AwayFromZero), growth[year]);
        var total = Assert.Single(await SeriesAsync("synth-0001", "industrial_output_above_scale", "plan_cumulative"));
        Assert.Equal(2021, total.Key);
        Assert.Equal(Enumerable.Range(2021, 5).Sum(y => output[y]), total.Value);
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM "Observations" o JOIN "Sources" s ON s."Id" = o."SourceId"
            WHERE s."Code" = 'synthetic' AND strpos(o."Quote", trim_scale(o."ReportedValue")::text) = 0
            """)); // every quote holds its number
        Assert.Equal(["synth-0001 合成园区0001 park xetdz", "synth-0002 合成园区0002 park -"], await LinesAsync("""
            SELECT p."Code" || ' ' || p."NameZh" || ' ' || p."Kind" || ' ' || coalesce(z."Code", '-') FROM "Parks" p LEFT JOIN "Parks" z ON z."Id" = p."ParentId"
            WHERE p."Code" LIKE 'synth-%' ORDER BY p."Code"
            """));
    }

    [Fact]
    public async Task GenerateAsync_AverageAnnualGrowth_IsAnAveragePerYearFromTheLevelsNeverAPlanTotal()
    {
        await GenerateAsync(new SyntheticOptions(Parks: 1, Years: 6, Observations: 5_000, Seed: 3));

        var output = await SeriesAsync("synth-0001", "industrial_output_above_scale", "year");
        var average = Assert.Single(await SeriesAsync("synth-0001", "industrial_output_above_scale_growth", "annual_average"));
        Assert.Equal(2021, average.Key);
        Assert.Equal(Math.Round((decimal)(Math.Pow((double)(output[2025] / output[2020]), 1.0 / 5) - 1) * 100, 1, MidpointRounding.AwayFromZero), average.Value);
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM "Observations" o JOIN "Indicators" i ON i."Id" = o."IndicatorId" JOIN "Sources" s ON s."Id" = o."SourceId"
            WHERE s."Code" = 'synthetic' AND i."Measure" = 'growth_rate' AND o."PeriodKind" IN ('plan_cumulative', 'plan_to_date')
            """));
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM "Observations" o JOIN "Sources" s ON s."Id" = o."SourceId"
            WHERE s."Code" = 'synthetic' AND o."PeriodKind" = 'annual_average' AND strpos(o."Quote", '年均') = 0
            """));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> LinesAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) lines.Add(reader.GetString(0));
        return lines;
    }

    /// <summary>Every synthetic figure by codes and values (not ids, which a second run assigns anew).</summary>
    private Task<List<string>> SyntheticRowsAsync() => LinesAsync("""
        SELECT concat_ws('|', p."Code", e."Name", i."Code", o."PeriodKind", o."PeriodStart", o."PeriodEnd", pp."Code", trim_scale(o."Value"),
                         trim_scale(o."ReportedValue"), o."ReportedUnit", o."Qualifier", o."Quote")
        FROM "Observations" o
        JOIN "Parks" p ON p."Id" = o."ParkId" LEFT JOIN "Enterprises" e ON e."Id" = o."EnterpriseId"
        JOIN "Indicators" i ON i."Id" = o."IndicatorId" LEFT JOIN "PlanPeriods" pp ON pp."Id" = o."PlanPeriodId"
        JOIN "Sources" s ON s."Id" = o."SourceId"
        WHERE s."Code" = 'synthetic'
        ORDER BY 1
        """);

    /// <summary>The foreign keys, checks and indexes of Observations as PostgreSQL prints them.</summary>
    private Task<List<string>> SchemaAsync() => LinesAsync("""
        SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"Observations"'::regclass
        UNION ALL
        SELECT indexdef FROM pg_indexes WHERE tablename = 'Observations'
        ORDER BY 1
        """);

    private async Task<SortedDictionary<int, decimal>> SeriesAsync(string park, string indicator, string kind)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT extract(year FROM o."PeriodStart")::int, o."Value" FROM "Observations" o
            JOIN "Parks" p ON p."Id" = o."ParkId" JOIN "Indicators" i ON i."Id" = o."IndicatorId"
            WHERE p."Code" = $1 AND i."Code" = $2 AND o."PeriodKind" = $3 AND o."EnterpriseId" IS NULL
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = park });
        command.Parameters.Add(new NpgsqlParameter { Value = indicator });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var series = new SortedDictionary<int, decimal>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) series[reader.GetInt32(0)] = reader.GetDecimal(1);
        return series;
    }
}
