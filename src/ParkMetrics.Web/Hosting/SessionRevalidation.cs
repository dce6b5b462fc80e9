using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ParkMetrics.Web.Hosting;

/// <summary>
/// A circuit keeps the user it was opened with for as long as the tab stays open; this checks every
/// <see cref="AccountOptions.SessionValidationInterval"/> that the account still exists and that its security stamp is
/// the one signed in with (a password change, a role change, disabling all renew it). When not, the circuit's user
/// becomes anonymous and its pages show "access denied" at once.
/// </summary>
internal sealed class SessionRevalidation(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IOptions<AccountOptions> accounts)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => accounts.Value.SessionValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A scope of its own: the circuit's scope lives as long as the tab, and its context would serve stale rows.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null) return false;
        var stamp = authenticationState.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
