using System.Net;
using ParkMetrics.Data.Embedded;

namespace ParkMetrics.IntegrationTests.Web;

/// <summary>/health against a server of its own, which the test stops and starts again.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly string root = PostgresServer.NewClusterFolder();
    private EmbeddedPostgres server = null!;
    private TestApp app = null!;

    public async ValueTask InitializeAsync()
    {
        server = await EmbeddedPostgres.StartAsync(root, TestContext.Current.CancellationToken);
        app = await TestApp.StartAsync(new() { ConnectionString = server.ConnectionString });
    }

    [Fact]
    public async Task Health_DatabaseStoppedThenBack_Reports503ThenRecoversTo200()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", ct)).StatusCode);

        await server.KillAsync(ct);
        var down = await client.GetAsync("/health", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync(ct));

        await server.RestartAsync(ct);
        // The pool may hand out a connection broken by the restart once; the next check opens a fresh one.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            if (attempt > 0) await Task.Delay(250, ct);
            status = (await client.GetAsync("/health", ct)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Health_DatabaseUp_Returns200Healthy()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await server.DisposeAsync();
        PostgresServer.DeleteFolder(root);
    }
}
