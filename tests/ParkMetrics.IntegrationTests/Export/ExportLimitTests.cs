using System.Diagnostics;
using System.Net;
using ParkMetrics.Benchmarks.Synthetic;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>
/// The app on Kestrel (real sockets, so a client that stops reading fills them and stalls the export) with the default
/// export budget of <see cref="MaxConcurrent"/> and a stall timeout of <paramref name="stallSeconds"/> s (the default
/// when null), over the seed and enough synthetic figures that no export fits in the sockets' buffers.
/// </summary>
public abstract class LimitedExportApp(PostgresServer server, int? stallSeconds) : TestApp(server, new()
{
    Kestrel = true,
    Settings = stallSeconds is { } seconds ? [("Export:StallTimeout", TimeSpan.FromSeconds(seconds).ToString())] : [],
})
{
    public const int MaxConcurrent = 8;

    protected override async Task PrepareAsync()
    {
        await using var db = CreateContext();
        await SyntheticData.GenerateAsync(db, new SyntheticOptions(Parks: 20, Years: 12, Observations: 100_000, Seed: 5));
    }

    /// <summary>A client of its own, with as many connections as it likes.</summary>
    public HttpClient SocketsClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
    {
        BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60),
    };
}

/// <summary>Stalled clients are cut after <see cref="StallSeconds"/> s, so that a test sees it happen.</summary>
public sealed class StallingExportApp(PostgresServer server) : LimitedExportApp(server, StallSeconds)
{
    public const int StallSeconds = 3;
}

/// <summary>Exports have a budget of their own: beyond it a 429 with Retry-After; a stalled client loses its place.</summary>
public sealed class ExportLimitTests(StallingExportApp app) : IClassFixture<StallingExportApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportCsv_BeyondTheBudget_Answers429WithRetryAfterAtOnce()
    {
        using var client = app.SocketsClient();
        var (holding, _) = await HoldTheWholeBudgetAsync(client);
        try
        {
            var clock = Stopwatch.StartNew();
            using var refused = await client.GetAsync("/api/observations?culture=en", HttpCompletionOption.ResponseHeadersRead, Ct);

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("try again in 10 seconds", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        }
        finally
        {
            foreach (var r in holding) r.Dispose();
        }
        // The places come back once their clients are gone.
        await WaitForAsync(async () =>
        {
            using var again = await client.GetAsync("/api/observations.csv?park=beichuan", Ct);
            return again.StatusCode == HttpStatusCode.OK;
        });
    }

    [Fact]
    public async Task ExportCsv_ClientStopsReading_IsCutAfterTheStallTimeoutAndGivesBackItsPlace()
    {
        using var client = app.SocketsClient();
        var (stalled, clock) = await HoldTheWholeBudgetAsync(client);
        try
        {
            using (var refused = await client.GetAsync("/api/observations.csv?park=beichuan", Ct))
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

            // Nobody reads: after the stall timeout the exports are abandoned and new ones are served.
            await WaitForAsync(async () =>
            {
                using var next = await client.GetAsync("/api/observations.csv?park=beichuan", Ct);
                return next.StatusCode == HttpStatusCode.OK;
            });
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(StallingExportApp.StallSeconds - 1), $"served again after {clock.Elapsed}");
            // Each was abandoned, not only the first: the whole budget comes back (before that, reading one would resume it).
            var (again, _) = await HoldTheWholeBudgetAsync(client);
            foreach (var r in again) r.Dispose();
            await using var body = await stalled[0].Content.ReadAsStreamAsync(Ct);
            await Assert.ThrowsAnyAsync<Exception>(() => body.CopyToAsync(Stream.Null, Ct)); // cut short, not ended cleanly
        }
        finally
        {
            foreach (var r in stalled) r.Dispose();
        }
    }

    /// <summary>
    /// Every place of the budget, held by exports nobody reads, and a clock started before the first of them. Places the
    /// previous test let go of come back one by one as the server notices their clients are gone: until then, try again.
    /// </summary>
    private static async Task<(List<HttpResponseMessage> Held, Stopwatch Clock)> HoldTheWholeBudgetAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var clock = Stopwatch.StartNew(); // no export can be abandoned sooner than the stall timeout after it began
            var held = new List<HttpResponseMessage>();
            for (var i = 0; i < LimitedExportApp.MaxConcurrent; i++)
                held.Add(await client.GetAsync("/api/observations.csv", HttpCompletionOption.ResponseHeadersRead, Ct));
            if (held.All(r => r.StatusCode == HttpStatusCode.OK)) return (held, clock);

            foreach (var r in held) r.Dispose();
            Assert.True(DateTime.UtcNow < deadline, "the budget was not wholly free within 30 s");
            await Task.Delay(250, Ct);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(250, Ct);
        }
    }
}
