using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Export;

namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>
/// A hundred clients export at once and read slowly: those beyond the export budget are told 429 at once, and meanwhile
/// pages answer in under a second and an admin's save goes through, because the exports cannot take every connection.
/// </summary>
public sealed class SlowExportReadersTests(SlowExportReadersTests.DefaultLimitsApp app) : IClassFixture<SlowExportReadersTests.DefaultLimitsApp>
{
    /// <summary>The export limits as configured by default.</summary>
    public sealed class DefaultLimitsApp(PostgresServer server) : LimitedExportApp(server, stallSeconds: null);

    private const int Readers = 100;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);
    /// <summary>Npgsql's default Max Pool Size: exports holding this many connections would starve every page.</summary>
    private const int PoolSize = 100;
    private static readonly string[] Pages = ["/", "/parks/beichuan", "/indicators/industrial_output_above_scale", "/health"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HundredSlowReaders_PagesKeepAnsweringAndAnAdminSaveSucceeds()
    {
        using var client = app.SocketsClient();
        foreach (var page in Pages) (await client.GetAsync(page, Ct)).EnsureSuccessStatusCode(); // compiled and cached before the clock runs
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var bytes = 0L;
        var until = DateTime.UtcNow + Duration;

        var readers = Enumerable.Range(0, Readers).Select(async _ =>
        {
            using var response = await client.GetAsync("/api/observations.csv", HttpCompletionOption.ResponseHeadersRead, Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode != HttpStatusCode.OK) return;
            await using var body = await response.Content.ReadAsStreamAsync(Ct);
            var buffer = new byte[4096];
            while (DateTime.UtcNow < until)
            {
                var read = await body.ReadAsync(buffer, Ct);
                if (read == 0) break;
                Interlocked.Add(ref bytes, read);
                await Task.Delay(100, Ct); // about 40 KB/s
            }
        }).ToList();

        var latencies = new List<(string Page, TimeSpan Took, HttpStatusCode Status)>();
        var saveTook = TimeSpan.Zero;
        var saved = false;
        var connections = 0;
        await Task.Delay(1000, Ct); // the readers have their answers and hold their places
        while (DateTime.UtcNow < until)
        {
            foreach (var page in Pages)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(page, Ct);
                await response.Content.ReadAsByteArrayAsync(Ct);
                latencies.Add((page, clock.Elapsed, response.StatusCode));
            }
            connections = Math.Max(connections, await AppConnectionsAsync());
            if (!saved)
            {
                var clock = Stopwatch.StartNew();
                saved = await SaveAsync();
                saveTook = clock.Elapsed;
            }
            await Task.Delay(200, Ct);
        }
        await Task.WhenAll(readers);

        var served = statuses.Count(s => s == HttpStatusCode.OK);
        var refused = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        var slowest = latencies.MaxBy(l => l.Took);
        DrillReport.Record($"{Readers} slow export readers (about 40 KB/s each, {Duration.TotalSeconds:0} s): {served} served, {refused} refused with 429 " +
            $"at once ({bytes / 1024 / 1024} MB read); {latencies.Count} page requests meanwhile, slowest {slowest.Took.TotalMilliseconds:0} ms " +
            $"({slowest.Page}; target: under 1 s: {(slowest.Took < Target ? "met" : "**missed**")}); an admin's save {(saved ? "succeeded" : "FAILED")} in {saveTook.TotalMilliseconds:0} ms; " +
            $"at most {connections} connections of the app's {PoolSize} open");
        Assert.Equal(Readers, served + refused);
        Assert.InRange(served, 1, LimitedExportApp.MaxConcurrent);
        Assert.All(latencies, l => Assert.Equal(HttpStatusCode.OK, l.Status));
        // The exports hold their budget of connections and no more: without it a hundred readers would take the pool's
        // hundred, and a page would wait for the readers' whole 10 s (or fail). The 1 s target is recorded above and
        // measured alone by scripts/drills; beside the other test assemblies on two cores a page may take longer.
        Assert.InRange(connections, 1, PoolSize / 2);
        Assert.True(slowest.Took < Duration, $"{slowest.Page} took {slowest.Took}");
        Assert.True(saved);
    }

    /// <summary>The connections the app holds open to its database now (its pool's busy and idle ones).</summary>
    private async Task<int> AppConnectionsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An admin enters a figure in the grid through the app's own services (its connection pool).</summary>
    private async Task<bool> SaveAsync()
    {
        var editor = app.Services.GetRequiredService<FigureEditor>();
        var grid = await editor.LoadAsync("ganhe", 2032, Ct);
        var row = grid.Rows.Single(r => r.IndicatorCode == "industrial_investment");
        var value = (row.Value ?? 0) + 1;
        return (await editor.SaveAsync("ganhe", 2032, [new(row.IndicatorId, row.ObservationId, row.Version, value, Qualifier.Exact, null,
            grid.StatisticsOfficeSourceId, null)], "drill@example.org", Ct)).Saved;
    }
}
