using System.Diagnostics;
using System.Net;
using Npgsql;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>Exports of a couple of hundred thousand synthetic figures: all there, and stopped in the database when the client leaves.</summary>
public sealed class ExportStreamingTests(SyntheticExportApp app) : IClassFixture<SyntheticExportApp>
{
    [Fact]
    public async Task ExportCsv_SyntheticSet_EveryRowMatchesTheDatabase()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);

        var csv = ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv", TestContext.Current.CancellationToken));

        Assert.True(stored.Count > SyntheticExportApp.Observations);
        Assert.Equal(stored.Count, csv.Rows.Count);
        for (var i = 0; i < stored.Count; i++) Assert.Equal(stored[i].LongCells(zh: true), csv.Rows[i]);
    }

    [Fact]
    public async Task ExportCsv_SyntheticWide_RebuildsTheLongRows()
    {
        const string parks = "?park=synth-0001,synth-0002&subject=all";
        var ct = TestContext.Current.CancellationToken;
        var stored = (await StoredRow.ReadAsync(app.ConnectionString)).Where(r => r.ParkCode is "synth-0001" or "synth-0002").ToList();
        var wide = ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv" + parks + "&format=wide", ct));
        using var json = System.Text.Json.JsonDocument.Parse(await app.Client.GetStringAsync("/api/observations" + parks + "&format=wide&limit=10000", ct));

        Assert.True(wide.Rows.Count > 100);
        WideRebuild.AssertSame(WideRebuild.FromLong(stored), WideRebuild.FromCsv(wide, WideRebuild.Columns(json.RootElement)));
    }

    [Fact]
    public async Task ExportWorkbook_SyntheticSet_EveryRowMatchesTheDatabase()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);

        var workbook = new ReadWorkbook(await app.Client.GetByteArrayAsync("/api/observations.xlsx?park=synth-0003,synth-0004", TestContext.Current.CancellationToken));

        var sheet = workbook.Sheet("observations");
        var expected = stored.Where(r => r.ParkCode is "synth-0003" or "synth-0004").ToList();
        Assert.True(expected.Count > 1000);
        Assert.Equal(expected.Select(r => (r.ParkCode, r.IndicatorCode, r.Start, r.End, decimal.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture))),
            sheet.Rows.Select(r => ((string)r[0]!, (string)r[3]!, (DateOnly)r[7]!, (DateOnly)r[8]!, (decimal)r[10]!)));
    }

    [Theory]
    [InlineData("/api/observations.csv")]
    [InlineData("/api/observations.xlsx")]
    public async Task Export_ClientGoesAway_StopsTheQuery(string url)
    {
        var ct = TestContext.Current.CancellationToken;
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var response = await app.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, leave.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStreamAsync(ct);
        await body.ReadExactlyAsync(new byte[256 * 1024], ct);
        // The workbook reads its quotes on a second connection beside its rows: one query or two.
        Assert.True(await UntilAsync(() => ExportQueriesRunningAsync(), running => running > 0), "the export's query runs while the client reads");

        await leave.CancelAsync(); // the client goes away after a quarter of a megabyte
        response.Dispose();

        Assert.True(await UntilAsync(() => ExportQueriesRunningAsync(), running => running == 0), "the export's queries stop when the client goes away");
    }

    private async Task<long> ExportQueriesRunningAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%FROM "Observations"%ORDER BY%'
            """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> UntilAsync(Func<Task<long>> probe, Func<long, bool> expected)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (expected(await probe())) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
