using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.IntegrationTests.Accounts;

/// <summary>The app with sessions checked against their account every second instead of every minute.</summary>
public sealed class ShortSessionApp(PostgresServer server)
    : TestApp(server, new() { Settings = [("Auth:SessionValidationInterval", Interval.ToString())] })
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
}

/// <summary>
/// A session ends, or loses the admin role, within the validation interval of its account being demoted, disabled,
/// deleted or given a new password: on the next request for a cookie, by itself for an open circuit.
/// </summary>
public sealed class SessionTests(ShortSessionApp app) : IClassFixture<ShortSessionApp>
{
    private const string Password = "Session-Tests-42";

    private async Task<HttpClient> SignedInAdminAsync(string email)
    {
        await app.CreateUserAsync(email, Password, Roles.Admin);
        var client = await app.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users", TestContext.Current.CancellationToken)).StatusCode);
        return client;
    }

    private static async Task<HttpStatusCode> AfterTheIntervalAsync(HttpClient client)
    {
        await Task.Delay(ShortSessionApp.Interval * 1.5, TestContext.Current.CancellationToken);
        return (await client.GetAsync("/admin/users", TestContext.Current.CancellationToken)).StatusCode;
    }

    [Fact]
    public async Task Cookie_AdminRoleRemoved_IsForbiddenAfterTheInterval()
    {
        using var client = await SignedInAdminAsync("demoted@example.org");
        // Only the role, not the stamp: the cookie's roles are read afresh from the account.
        await app.WithUsersAsync(async users => await users.RemoveFromRoleAsync((await users.FindByEmailAsync("demoted@example.org"))!, Roles.Admin));
        Assert.Equal(HttpStatusCode.Forbidden, await AfterTheIntervalAsync(client));
    }

    [Fact]
    public async Task Cookie_PasswordChangedElsewhere_IsSignedOutAfterTheInterval()
    {
        using var client = await SignedInAdminAsync("repassworded@example.org");
        await app.WithUsersAsync(async users => await users.ChangePasswordAsync((await users.FindByEmailAsync("repassworded@example.org"))!, Password, "Another-Password-43"));
        Assert.Equal(HttpStatusCode.Redirect, await AfterTheIntervalAsync(client));
    }

    [Fact]
    public async Task Cookie_AccountDeleted_IsSignedOutAfterTheInterval()
    {
        using var client = await SignedInAdminAsync("deleted@example.org");
        await app.WithUsersAsync(async users => await users.DeleteAsync((await users.FindByEmailAsync("deleted@example.org"))!));
        Assert.Equal(HttpStatusCode.Redirect, await AfterTheIntervalAsync(client));
    }

    [Fact]
    public async Task Cookie_AccountDisabled_IsSignedOutAfterTheInterval()
    {
        using var client = await SignedInAdminAsync("disabled@example.org");
        var id = await app.WithUsersAsync(async users => (await users.FindByEmailAsync("disabled@example.org"))!.Id);
        var accounts = app.Services.GetRequiredService<ParkMetrics.Web.Features.Admin.UserAdministration>();
        Assert.True((await accounts.DisableAsync(await app.PrincipalAsync(TestApp.AdminEmail), id, TestContext.Current.CancellationToken)).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, await AfterTheIntervalAsync(client));
    }

    [Fact]
    public async Task Cookie_AccountUnchanged_StaysSignedInPastTheInterval()
    {
        using var client = await SignedInAdminAsync("unchanged@example.org");
        Assert.Equal(HttpStatusCode.OK, await AfterTheIntervalAsync(client));
    }

    [Fact]
    public async Task Circuit_AdminDemoted_BecomesAnonymousWithinTheInterval()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "circuit@example.org";
        await app.CreateUserAsync(email, Password, Roles.Admin);
        // The authentication state a circuit's scope holds, as set from the request that opened it.
        await using var circuit = app.Services.CreateAsyncScope();
        var state = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)state).SetAuthenticationState(Task.FromResult(new AuthenticationState(await app.PrincipalAsync(email))));
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        state.AuthenticationStateChanged += async task => changed.TrySetResult(await task);

        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.RemoveFromRoleAsync(user, Roles.Admin);
            return await users.UpdateSecurityStampAsync(user);
        });

        var after = await changed.Task.WaitAsync(ShortSessionApp.Interval * 5, ct);
        Assert.False(after.User.Identity?.IsAuthenticated);
        Assert.False(after.User.IsInRole(Roles.Admin));
    }

    [Fact]
    public async Task Circuit_AccountUnchanged_KeepsItsUser()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "steady@example.org";
        await app.CreateUserAsync(email, Password, Roles.Admin);
        await using var circuit = app.Services.CreateAsyncScope();
        var state = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)state).SetAuthenticationState(Task.FromResult(new AuthenticationState(await app.PrincipalAsync(email))));
        await Task.Delay(ShortSessionApp.Interval * 3, ct);
        Assert.True((await state.GetAuthenticationStateAsync()).User.IsInRole(Roles.Admin));
    }
}
