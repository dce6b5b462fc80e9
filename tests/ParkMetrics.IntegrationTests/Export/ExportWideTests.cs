using System.Text.Json;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>
/// The seed plus a later source (修订数据, as of 2026) that reports every year and plan total of xetdz again, one higher
/// and as approximate, and an even later one (再修订) that reports its years a third time, two higher: periods with two
/// and three sources, and years where a forecast and a reported figure meet.
/// </summary>
public sealed class RevisedExportApp(PostgresServer server) : TestApp(server)
{
    protected override async Task PrepareAsync()
    {
        foreach (var (code, title, asOf, kinds, more) in new[] { ("revision", "修订数据", "2026-03-01", "'year','plan_cumulative'", 1), ("revision-2", "再修订", "2026-06-01", "'year'", 2) })
        {
            await ExecuteAsync($"""
                INSERT INTO "Sources" ("Code", "FileName", "Title", "PublishedOn", "AsOf") VALUES ('{code}', '{code}.txt', '{title}', DATE '{asOf}', DATE '{asOf}');
                """);
            await ExecuteAsync($"""
                INSERT INTO "Observations" ("ParkId", "EnterpriseId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "PlanPeriodId", "Value", "ReportedValue",
                                            "ReportedUnit", "Qualifier", "SourceId", "Quote")
                SELECT o."ParkId", o."EnterpriseId", o."IndicatorId", o."PeriodKind", o."PeriodStart", o."PeriodEnd", o."PlanPeriodId", o."Value" + {more}, o."ReportedValue" + {more},
                       o."ReportedUnit", 'approx', s."Id", '{title}：' || o."Quote"
                FROM "Observations" o JOIN "Parks" p ON p."Id" = o."ParkId" JOIN "Sources" src ON src."Id" = o."SourceId", "Sources" s
                WHERE p."Code" = 'xetdz' AND o."PeriodKind" IN ({kinds}) AND s."Code" = '{code}' AND src."Code" NOT LIKE 'revision%'
                """);
        }
    }
}

/// <summary>The wide layouts (CSV, workbook, JSON) lose nothing of the long one: every figure, qualifier and forecast comes back from them.</summary>
[Collection(nameof(SeededExport))]
public sealed class ExportWideTests(TestApp app)
{
    public static TheoryData<string> Queries => ["", "?lang=en", "?park=xetdz", "?period_kind=annual_average,plan_cumulative,plan_to_date,target"];

    [Theory]
    [MemberData(nameof(Queries))]
    public Task ExportCsv_Wide_RebuildsTheLongRowsExactly(string query) => WideChecks.CsvRebuildsAsync(app, query);

    [Theory]
    [MemberData(nameof(Queries))]
    public Task ExportWorkbook_Wide_RebuildsTheLongRowsExactly(string query) => WideChecks.WorkbookRebuildsAsync(app, query);

    [Fact]
    public async Task ExportJson_Wide_RebuildsTheLongRowsExactly()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);
        using var page = JsonDocument.Parse(await app.Client.GetStringAsync("/api/observations?format=wide&limit=10000", TestContext.Current.CancellationToken));

        var periods = page.RootElement.GetProperty("columns").EnumerateArray().ToList();
        var figures = page.RootElement.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("values").EnumerateArray()
            .Zip(r.GetProperty("qualifiers").EnumerateArray(), periods)
            .Where(c => c.First.ValueKind == JsonValueKind.Number)
            .Select(c => new WideFigure(r.GetProperty("parkCode").GetString()!, r.GetProperty("subject").GetString() ?? "", r.GetProperty("indicatorCode").GetString()!,
                c.Third.GetProperty("periodKind").GetString()!, DateOnly.Parse(c.Third.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(c.Third.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture), c.First.GetDecimal(),
                r.GetProperty("unit").GetString()!, c.Second.GetString()!)));

        WideRebuild.AssertSame(WideRebuild.FromLong(stored), figures);
    }

    [Fact]
    public async Task ExportCsv_Wide_AnnualAveragesAndPlanTotalsNeverShareAColumn()
    {
        using var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/observations?format=wide&limit=10000", TestContext.Current.CancellationToken));
        var wide = ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv?format=wide", TestContext.Current.CancellationToken));

        var columns = WideRebuild.Columns(json.RootElement);
        var plan = columns.Where(c => c.Value.Start == new DateOnly(2021, 1, 1) && c.Value.End == new DateOnly(2025, 12, 31)).ToList();
        Assert.Contains(plan, c => c.Key == "“十四五”期间年均" && c.Value.Kind == "annual_average");
        Assert.Contains(plan, c => c.Key == "“十四五”期间累计" && c.Value.Kind == "plan_cumulative");
        var filled = 0;
        foreach (var row in wide.Rows)
            for (var c = WideRebuild.CsvFixedColumns; c < row.Length; c += 2)
                if (row[c].Length > 0)
                {
                    Assert.Equal(row[5], columns[wide.Header[c]].Kind); // a row's figures sit only in columns of its own period kind
                    filled++;
                }
        Assert.Equal((await StoredRow.ReadAsync(app.ConnectionString)).Count, filled);
    }

    [Fact]
    public async Task ExportCsv_Wide_AForecastSitsInItsOwnColumnBesideTheReportedYear()
    {
        // 规上工业总产值从2020年的558.9亿元预计增加至2025年的1200亿元
        var wide = ParsedCsv.Parse(await app.Client.GetByteArrayAsync(
            "/api/observations.csv?format=wide&park=xetdz&indicator=industrial_output_above_scale&period_kind=year", TestContext.Current.CancellationToken));

        var row = Assert.Single(wide.Rows);
        Assert.Equal("5589000", row[wide.Column("2020年")]);
        Assert.Equal("exact", row[wide.Column("2020年 限定")]);
        Assert.Equal("12000000", row[wide.Column("2025年（预计）")]); // 1200亿元 in 万元
        Assert.Equal("forecast", row[wide.Column("2025年（预计） 限定")]);
        Assert.DoesNotContain("2025年", wide.Header);
    }
}

/// <summary>Where several sources report one period, the wide layouts rank their figures and keep them all.</summary>
public sealed class ExportWideRevisionTests(RevisedExportApp app) : IClassFixture<RevisedExportApp>
{
    [Theory]
    [InlineData("")]
    [InlineData("?park=xetdz&lang=en")]
    public Task ExportCsv_WideWithRevisions_RebuildsTheLongRowsExactly(string query) => WideChecks.CsvRebuildsAsync(app, query);

    [Theory]
    [InlineData("")]
    [InlineData("?park=xetdz&lang=en")]
    public Task ExportWorkbook_WideWithRevisions_RebuildsTheLongRowsExactly(string query) => WideChecks.WorkbookRebuildsAsync(app, query);

    [Fact]
    public async Task ExportCsv_WideWithRevisions_RanksThePeriodsFiguresLatestFirst()
    {
        var wide = ParsedCsv.Parse(await app.Client.GetByteArrayAsync(
            "/api/observations.csv?format=wide&park=xetdz&indicator=industrial_output_above_scale&period_kind=year", TestContext.Current.CancellationToken));

        Assert.Equal(["1", "2", "3"], wide.Rows.Select(r => r[wide.Column("来源次序")]));
        Assert.Equal(["5589002", "5589001", "5589000"], wide.Rows.Select(r => r[wide.Column("2020年")]));
        Assert.Equal(["approx", "approx", "exact"], wide.Rows.Select(r => r[wide.Column("2020年 限定")]));
        // The forecast has one source; the revisions report the year itself, so they sit beside it rather than over it.
        Assert.Equal(["12000000", "", ""], wide.Rows.Select(r => r[wide.Column("2025年（预计）")]));
        Assert.Equal(["12000002", "12000001", ""], wide.Rows.Select(r => r[wide.Column("2025年")]));
    }
}

internal static class WideChecks
{
    public static async Task CsvRebuildsAsync(TestApp app, string query)
    {
        var ct = TestContext.Current.CancellationToken;
        var zh = !query.Contains("lang=en", StringComparison.Ordinal);
        var wideQuery = (query.Length == 0 ? "?" : query + "&") + "format=wide";
        var stored = (await StoredRow.ReadAsync(app.ConnectionString)).Where(ExportCsvTests.Matches(query)).ToList();
        var wide = ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv" + wideQuery, ct));
        using var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/observations" + wideQuery + "&limit=10000", ct));

        Assert.NotEmpty(stored);
        WideRebuild.AssertSame(WideRebuild.FromLong(stored), WideRebuild.FromCsv(wide, WideRebuild.Columns(json.RootElement), zh));
    }

    public static async Task WorkbookRebuildsAsync(TestApp app, string query)
    {
        var zh = !query.Contains("lang=en", StringComparison.Ordinal);
        var stored = (await StoredRow.ReadAsync(app.ConnectionString)).Where(ExportCsvTests.Matches(query)).ToList();
        var workbook = new ReadWorkbook(await app.Client.GetByteArrayAsync(
            "/api/observations.xlsx" + (query.Length == 0 ? "?" : query + "&") + "format=wide", TestContext.Current.CancellationToken));

        Assert.NotEmpty(stored);
        WideRebuild.AssertSame(WideRebuild.FromLong(stored), WideRebuild.FromWorkbook(workbook.Sheet("observations"), workbook.Sheet("about"), zh));
    }
}
