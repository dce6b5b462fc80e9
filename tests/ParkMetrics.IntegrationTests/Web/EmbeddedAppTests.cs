
namespace ParkMetrics.IntegrationTests.Web;

/// <summary>A newcomer's first run: no connection string, so the app starts, migrates and seeds its own PostgreSQL.</summary>
public sealed class EmbeddedAppTests : IAsyncLifetime
{
    private readonly string root = PostgresServer.NewClusterFolder();
    private TestApp app = null!;

    public async ValueTask InitializeAsync() =>
        app = await TestApp.StartAsync(new() { ConnectionString = "", Settings = [("Database:DataDirectory", root)] });

    [Fact]
    public async Task Overview_NoConnectionString_ServesTheSeededFiguresFromItsOwnDatabase()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("西宁经济技术开发区", html, StringComparison.Ordinal);
        Assert.Contains("993.1亿元", html, StringComparison.Ordinal); // 1月至8月,开发区完成规上工业产值993.1亿元
        Assert.True(File.Exists(Path.Combine(root, "data", "PG_VERSION")), "the cluster lives in the configured folder");
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync(); // stops the embedded server
        Npgsql.NpgsqlConnection.ClearAllPools();
        Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")), "the app stops its server when it stops");
        PostgresServer.DeleteFolder(root);
    }
}
