using System.Net;

namespace ParkMetrics.IntegrationTests.Web;

/// <summary>The app as deployed: Production behind a TLS proxy in 10.0.0.0/8, redirecting plain HTTP to port 443.</summary>
public sealed class BehindProxyApp(PostgresServer server) : TestApp(server, new()
{
    Environment = "Production",
    Settings = [("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8"), ("HTTPS_PORT", "443"), ("Serilog:MinimumLevel:Default", "Error")],
})
{
    public const string Proxy = "10.20.30.40";
}

/// <summary>
/// Forwarded headers from a known proxy only, HTTPS redirection and HSTS, and cookies that are always Secure outside
/// Development.
/// </summary>
public sealed class DeploymentTests(BehindProxyApp app) : IClassFixture<BehindProxyApp>
{
    private const string Host = "parkmetrics.example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Get(string path, string peer, string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://{Host}{path}");
        request.Headers.Add(TestPeer.Header, peer);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        }
        return request;
    }

    [Fact]
    public async Task Page_ThroughTheTlsProxy_IsServedWithHsts()
    {
        using var client = app.Anonymous();
        var response = await client.SendAsync(Get("/account/login", BehindProxyApp.Proxy, "https"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ForwardedHeadersFromAnUnknownPeer_AreIgnoredAndRedirectedToHttps()
    {
        using var client = app.Anonymous();
        var response = await client.SendAsync(Get("/account/login", "198.51.100.7", "https"), Ct);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://{Host}/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Health_OverPlainHttp_IsNotRedirected()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/health", "172.17.0.1", null), Ct)).StatusCode);
    }

    [Fact]
    public async Task Cookies_ThroughTheTlsProxy_AreSecure()
    {
        using var client = app.Anonymous();
        var response = await client.SendAsync(Get("/account/login", BehindProxyApp.Proxy, "https"), Ct);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignIn_InProduction_SetsASecureHttpOnlySameSiteCookie()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri($"https://{Host}/"),
        });
        var response = await TestApp.PostLoginAsync(client, TestApp.AdminEmail, TestApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ParkMetrics.Auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
