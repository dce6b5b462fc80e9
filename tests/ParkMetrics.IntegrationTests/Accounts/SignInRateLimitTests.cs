using System.Net;

namespace ParkMetrics.IntegrationTests.Accounts;

/// <summary>The app allowing three sign-in attempts per address and minute.</summary>
public sealed class SignInLimitApp(PostgresServer server)
    : TestApp(server, new() { Settings = [("Auth:SignInLimit:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))] })
{
    public const int Limit = 3;
}

/// <summary>
/// Sign-in attempts are limited per client address, beside the lockout per account: beyond the limit a 429 page in the
/// user's language with Retry-After, while other addresses and the form itself stay open.
/// </summary>
public sealed class SignInRateLimitTests(SignInLimitApp app) : IClassFixture<SignInLimitApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient From(string address)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(TestPeer.Header, address);
        return client;
    }

    private static async Task SpendTheLimitAsync(HttpClient client)
    {
        // Each against another account: the limit is the address's, not an account's lockout.
        for (var i = 0; i < SignInLimitApp.Limit; i++)
            Assert.Equal(HttpStatusCode.OK, (await TestApp.PostLoginAsync(client, $"nobody{i}@example.org", "wrong-password")).StatusCode);
    }

    [Fact]
    public async Task SignIn_BeyondTheLimitFromOneAddress_Answers429InChinese()
    {
        using var client = From("203.0.113.10");
        await SpendTheLimitAsync(client);

        var response = await TestApp.PostLoginAsync(client, TestApp.AdminEmail, TestApp.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("登录尝试过多", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_BeyondTheLimitInEnglish_Answers429InEnglish()
    {
        using var client = From("203.0.113.11");
        await SpendTheLimitAsync(client);
        var response = await TestApp.PostLoginAsync(client, TestApp.AdminEmail, TestApp.AdminPassword, "?culture=en");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many sign-in attempts", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_LimitReachedByOneAddress_LeavesOtherAddressesAndTheFormOpen()
    {
        using var attacker = From("203.0.113.12");
        await SpendTheLimitAsync(attacker);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/account/login", Ct)).StatusCode);

        using var admin = From("198.51.100.20");
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostLoginAsync(admin, TestApp.AdminEmail, TestApp.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task SignIn_IPv6_CountsTheWhole64()
    {
        using (var first = From("2001:db8:1:2::10")) await SpendTheLimitAsync(first);
        using var sameNetwork = From("2001:db8:1:2:ffff::99");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TestApp.PostLoginAsync(sameNetwork, TestApp.AdminEmail, TestApp.AdminPassword)).StatusCode);
    }
}
