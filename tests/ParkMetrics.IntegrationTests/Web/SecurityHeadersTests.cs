using System.Net;
using System.Text.RegularExpressions;
using ParkMetrics.IntegrationTests.Admin;

namespace ParkMetrics.IntegrationTests.Web;

/// <summary>
/// Every response carries a Content-Security-Policy that allows no inline script but the import map with this
/// response's nonce, and the other security headers; logout needs its antiforgery token; redirects stay on the site.
/// </summary>
public sealed partial class SecurityHeadersTests(AdminApp app) : IClassFixture<AdminApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly TheoryData<string> Responses = new(["/", "/parks/beichuan", "/account/login", "/no-such-page", "/api/observations?park=beichuan",
        "/api/observations.csv?park=beichuan", "/app.js", "/health"]);

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Response_Any_CarriesTheSecurityHeaders(string path)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync(path, Ct);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Page_ScriptPolicy_AllowsOnlyOwnFilesAndTheImportMapByNonce()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/account/login", Ct); // a page the output cache never keeps
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scripts = ScriptSrc().Match(csp);
        Assert.True(scripts.Success, csp);
        Assert.DoesNotContain("unsafe-inline", scripts.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts.Value, StringComparison.Ordinal);
        var nonce = scripts.Groups["nonce"].Value;

        var html = await response.Content.ReadAsStringAsync(Ct);
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        // The attribute is HTML-encoded (a '+' of the base64 nonce is &#x2B;): the browser reads it decoded.
        Assert.All(inline, script => Assert.Contains($"nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(script.Value), StringComparison.Ordinal));
        // A nonce per response.
        var again = Assert.Single((await client.GetAsync("/account/login", Ct)).Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain(nonce, again, StringComparison.Ordinal);
    }

    /// <summary>A read page is replayed from the output cache under other responses' nonces: it carries no inline script at all.</summary>
    [Fact]
    public async Task ReadPage_KeptInTheOutputCache_HasNoInlineScript()
    {
        using var client = app.Anonymous();
        using var first = await client.GetAsync("/", Ct);
        using var cached = await client.GetAsync("/", Ct);

        Assert.NotNull(cached.Headers.Age);
        Assert.Empty(InlineScript().Matches(await first.Content.ReadAsStringAsync(Ct)));
        Assert.Empty(InlineScript().Matches(await cached.Content.ReadAsStringAsync(Ct)));
        Assert.DoesNotContain("unsafe-inline", ScriptSrc().Match(Assert.Single(cached.Headers.GetValues("Content-Security-Policy"))).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Answers400AndKeepsTheSession()
    {
        using var client = await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task Logout_WithItsToken_SignsOut()
    {
        using var client = await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var page = await client.GetStringAsync("/admin", Ct);
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.Token(page),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/%5Cevil.com")]
    [InlineData("//evil.com")]
    [InlineData("/%5C/evil.com")]
    [InlineData("https://evil.com/")]
    public async Task Culture_RedirectOffTheSite_Answers400(string redirectUri)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync($"/culture?name=en&redirectUri={redirectUri}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Culture_RedirectToAPage_GoesThere()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/culture?name=en&redirectUri=%2Fparks%2Fbeichuan%3Fyear%3D2024", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/parks/beichuan?year=2024", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/%5Cevil.com")]
    [InlineData("//evil.com")]
    public async Task SignIn_ReturnUrlOffTheSite_GoesHome(string returnUrl)
    {
        using var client = app.Anonymous();
        var response = await TestApp.PostLoginAsync(client, TestApp.AdminEmail, TestApp.AdminPassword, "?returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignIn_ReturnUrlOfAPage_GoesThere()
    {
        using var client = app.Anonymous();
        var response = await TestApp.PostLoginAsync(client, TestApp.AdminEmail, TestApp.AdminPassword, "?returnUrl=%2Fadmin%2Fusers");
        Assert.Equal("http://localhost/admin/users", response.Headers.Location!.ToString());
    }

    [GeneratedRegex("script-src (?<list>[^;]*'nonce-(?<nonce>[^']+)'[^;]*)")]
    private static partial Regex ScriptSrc();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
