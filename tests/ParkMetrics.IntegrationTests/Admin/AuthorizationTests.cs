using System.Net;
using System.Text;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary>Who may open what: anonymous, Analyst and Admin against every admin page and write endpoint.</summary>
public sealed class AuthorizationTests(AdminApp app) : IClassFixture<AdminApp>
{
    public static readonly TheoryData<string> AdminPages = new(["/admin", "/admin/entry?park=beichuan&year=2024", "/admin/upload", "/admin/enterprises", "/admin/deleted", "/admin/users",
        "/admin/sources", "/admin/indicators", "/admin/units", "/admin/parks"]);

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_Anonymous_RedirectsToSignIn(string page)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_Analyst_Returns403(string page)
    {
        using var client = await app.SignInAsync(AdminApp.AnalystEmail, AdminApp.AnalystPassword);
        var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_Admin_Returns200(string page)
    {
        using var client = await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(AdminApp.AnalystEmail, HttpStatusCode.Forbidden)]
    [InlineData(TestApp.AdminEmail, HttpStatusCode.OK)]
    public async Task ImportEndpoint_ByRole_AllowsOnlyAdmins(string? email, HttpStatusCode expected)
    {
        using var client = email is null ? app.Anonymous()
            : await app.SignInAsync(email, email == TestApp.AdminEmail ? TestApp.AdminPassword : AdminApp.AnalystPassword);
        var csv = "park,subject,indicator,period_kind,period_start,period_end,value,unit,qualifier,source,quote\n";
        var response = await client.PostAsync("/api/admin/observations/import?dryRun=true", new StringContent(csv, Encoding.UTF8, "text/csv"),
            TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Browsing_Anonymous_IsOpen()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/parks/beichuan", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task SignIn_FirstAdminFromConfiguration_CanSignInAndSeesAdminLink()
    {
        using var client = await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("href=\"admin\"", html, StringComparison.Ordinal);
        Assert.Contains(TestApp.AdminEmail, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountOut()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "locked@example.org";
        await app.CreateUserAsync(email, "Right-Password-42", role: null);
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++) await TestApp.PostLoginAsync(client, email, "wrong-password");
        var response = await TestApp.PostLoginAsync(client, email, "Right-Password-42");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        Assert.Contains("锁定", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
