using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Embedded;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>
/// The app as deployed (Production, so no developer error page) over a PostgreSQL server of its own, which the test
/// kills and starts again, as <c>HealthEndpointTests</c> does: while it is down, pages, export and /health fail at once
/// and without leaking internals; once it is back they serve again without an app restart.
/// </summary>
public sealed partial class DatabaseOutageTests : IAsyncLifetime
{
    private const string Page = "/parks/dongchuan";
    private const string Export = "/api/observations.csv?park=ganhe";
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);
    private static readonly string[] Internals = ["Exception", "Npgsql", "StackTrace", ".cs:line", " at ParkMetrics.", "127.0.0.1"];

    private readonly string root = PostgresServer.NewClusterFolder();
    private EmbeddedPostgres server = null!;
    private TestApp app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await EmbeddedPostgres.StartAsync(root, Ct);
        app = await TestApp.StartAsync(new()
        {
            ConnectionString = server.ConnectionString,
            Environment = "Production",
            Settings = [("Serilog:MinimumLevel:Default", "Fatal")], // the outage's errors are expected
        });
    }

    [Fact]
    public async Task PagesExportAndHealth_DatabaseKilledThenBack_FailPolitelyAndRecoverWithoutARestart()
    {
        using var client = Client();
        var pageBefore = await client.GetStringAsync(Page, Ct);
        var csvBefore = await client.GetByteArrayAsync(Export, Ct);
        Assert.Contains("东川工业园区", pageBefore, StringComparison.Ordinal);
        Assert.True(FigureCount(pageBefore) > 0, "the park page lists figures");

        await server.KillAsync(Ct);
        app.Services.GetRequiredService<QueryCache>().Invalidate(); // cached reads would hide the outage

        var page = await client.GetAsync(Page, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.True(page.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable, $"the page answered {page.StatusCode}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("出错了", html, StringComparison.Ordinal); // the error page's title
        AssertNothingInternal(html);
        var export = await client.GetAsync(Export, Ct);
        Assert.True((int)export.StatusCode >= 500, $"the export answered {export.StatusCode}");
        Assert.Equal("application/problem+json", export.Content.Headers.ContentType?.MediaType);
        AssertNothingInternal(await export.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health", Ct)).StatusCode);

        await server.RestartAsync(Ct);
        var (pageAfter, csvAfter, health) = await WhenServingAgainAsync(client);
        Assert.Contains("东川工业园区", pageAfter, StringComparison.Ordinal);
        Assert.Equal(FigureCount(pageBefore), FigureCount(pageAfter));
        Assert.Equal(csvBefore, csvAfter);
        Assert.Equal("Healthy", health);
    }

    private HttpClient Client()
    {
        var client = app.Anonymous();
        client.Timeout = TimeSpan.FromSeconds(30); // a request that hangs fails the test rather than stalling it
        return client;
    }

    /// <summary>Polls until the page, the export and /health all answer 200; the pool may hold connections the restart broke.</summary>
    private static async Task<(string Page, byte[] Csv, string Health)> WhenServingAgainAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var responses = new[] { await client.GetAsync(Page, Ct), await client.GetAsync(Export, Ct), await client.GetAsync("/health", Ct) };
            if (responses.All(r => r.StatusCode == HttpStatusCode.OK))
                return (await responses[0].Content.ReadAsStringAsync(Ct), await responses[1].Content.ReadAsByteArrayAsync(Ct),
                    await responses[2].Content.ReadAsStringAsync(Ct));
            Assert.True(clock.Elapsed < Recovery,
                $"{Recovery.TotalSeconds} s after the restart: {string.Join(", ", responses.Select(r => $"{r.RequestMessage?.RequestUri?.PathAndQuery} {(int)r.StatusCode}"))}");
            await Task.Delay(250, Ct);
        }
    }

    private static void AssertNothingInternal(string body)
    {
        foreach (var marker in Internals) Assert.DoesNotContain(marker, body, StringComparison.Ordinal);
    }

    private static int FigureCount(string html) => int.Parse(FigureCountText().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+) 个数据")]
    private static partial Regex FigureCountText();

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await server.DisposeAsync();
        PostgresServer.DeleteFolder(root);
    }
}
