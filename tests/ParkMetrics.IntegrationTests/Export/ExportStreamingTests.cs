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
    public async Task ExportCsv_SyntheticWide_HasOneRowPerSeriesWithTheLongValues()
    {
        const string parks = "?park=synth-0001,synth-0002&subject=all";
        var ct = TestContext.Current.CancellationToken;
        var longCsv = ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv" + parks, ct));
        var wide = ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv" + parks + "&format=wide", ct));

        var periods = wide.Header.Skip(7).ToList();
        var expected = longCsv.Rows
            .GroupBy(r => (r[0], r[2], r[3], r[5]))
            .Select(g => g.Select(r => r[..6].Append(r[10])).First()
                .Concat(periods.Select(p => g.SingleOrDefault(r => r[8] == p)?[9] ?? "")).ToArray())
            .ToList();
        Assert.True(expected.Count > 100);
        Assert.Equal(expected, wide.Rows);
    }

    [Fact]
    public async Task ExportCsv_ClientGoesAway_StopsTheQuery()
    {
        var ct = TestContext.Current.CancellationToken;
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var response = await app.Client.GetAsync("/api/observations.csv", HttpCompletionOption.ResponseHeadersRead, leave.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStreamAsync(ct);
        await body.ReadExactlyAsync(new byte[256 * 1024], ct);
        Assert.True(await UntilAsync(() => ExportQueriesRunningAsync(), expected: 1), "the export's query runs while the client reads");

        await leave.CancelAsync(); // the client goes away after a quarter of a megabyte
        response.Dispose();

        Assert.True(await UntilAsync(() => ExportQueriesRunningAsync(), expected: 0), "the export's query stops when the client goes away");
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

    private static async Task<bool> UntilAsync(Func<Task<long>> probe, long expected)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (await probe() == expected) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
