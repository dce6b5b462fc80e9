using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Admin;
using ParkMetrics.Web.Features.Admin;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.IntegrationTests.Accounts;

/// <summary>
/// What an admin does to accounts on /admin/users (through the service the page calls) and a user to their own
/// password on /account/password: each change takes effect, is refused where it would leave no active admin or where
/// the actor is no active admin, and is audited as entity <c>user</c> without any password or hash. Each test starts
/// with the first admin and the analyst only.
/// </summary>
public sealed class UserManagementTests(AdminApp app) : SeededStateTest(app), IClassFixture<AdminApp>
{
    private const string Password = "Managed-Account-42";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private UserAdministration Accounts => app.Services.GetRequiredService<UserAdministration>();

    private Task<ClaimsPrincipal> AdminAsync() => app.PrincipalAsync(TestApp.AdminEmail);

    private async Task<string> CreateAsync(string email, string? role = Roles.Analyst)
    {
        var change = await Accounts.CreateAsync(await AdminAsync(), email, Password, role, Ct);
        Assert.True(change.Succeeded, change.Error ?? string.Join("; ", change.IdentityErrors?.Select(e => e.Code) ?? []));
        return await IdOfAsync(email);
    }

    private Task<string> IdOfAsync(string email) => app.WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);

    private async Task<List<AuditEntry>> AuditOfAsync(string userId)
    {
        await using var db = app.CreateContext();
        return await db.AuditEntries.Where(a => a.EntityType == "user" && a.EntityKey == userId).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    /// <summary>A field of an audit snapshot as text (PostgreSQL's jsonb spaces them its own way).</summary>
    private static string? Field(string? json, string name) =>
        System.Text.Json.JsonDocument.Parse(json!).RootElement.TryGetProperty(name, out var value) ? value.ToString() : null;

    private async Task<bool> CanSignInAsync(string email, string password)
    {
        using var client = app.Anonymous();
        return (await TestApp.PostLoginAsync(client, email, password)).StatusCode == HttpStatusCode.Redirect;
    }

    private async Task AssertNoSecretsAsync(string userId, params string[] passwords)
    {
        var hash = await app.WithUsersAsync(async users => (await users.FindByIdAsync(userId))!.PasswordHash!);
        foreach (var entry in await AuditOfAsync(userId))
            foreach (var json in new[] { entry.Before, entry.After })
            {
                if (json is null) continue;
                Assert.DoesNotContain(hash, json, StringComparison.Ordinal);
                Assert.DoesNotContain("AQAAAA", json, StringComparison.Ordinal); // the prefix of every Identity v3 hash
                Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("securityStamp", json, StringComparison.OrdinalIgnoreCase);
                foreach (var password in passwords) Assert.DoesNotContain(password, json, StringComparison.Ordinal);
            }
    }

    [Fact]
    public async Task Create_ByAdmin_AuditsTheAccountAndItsRoleWithoutThePassword()
    {
        var id = await CreateAsync("created@example.org", Roles.Analyst);
        var entry = Assert.Single(await AuditOfAsync(id));
        Assert.Equal(AuditAction.Insert, entry.Action);
        Assert.Equal(TestApp.AdminEmail, entry.UserName);
        Assert.Contains("created@example.org", entry.After, StringComparison.Ordinal);
        Assert.Contains(Roles.Analyst, entry.After, StringComparison.Ordinal);
        await AssertNoSecretsAsync(id, Password);
    }

    [Fact]
    public async Task SetRole_AnalystToAdmin_GrantsTheRoleAndAuditsIt()
    {
        var id = await CreateAsync("promoted@example.org");
        Assert.True((await Accounts.SetRoleAsync(await AdminAsync(), id, Roles.Admin, Ct)).Succeeded);
        Assert.Equal([Roles.Admin], await app.WithUsersAsync(async users => (await users.GetRolesAsync((await users.FindByIdAsync(id))!)).ToArray()));
        var entry = (await AuditOfAsync(id))[^1];
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.Contains(Roles.Analyst, entry.Before, StringComparison.Ordinal);
        Assert.Contains(Roles.Admin, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRole_LastActiveAdminDemotesItself_IsRefusedAndChangesNothing()
    {
        var id = await IdOfAsync(TestApp.AdminEmail);
        var audited = (await AuditOfAsync(id)).Count;

        var change = await Accounts.SetRoleAsync(await AdminAsync(), id, Roles.Analyst, Ct);

        Assert.Equal("UserLastAdmin", change.Error);
        Assert.True(await app.WithUsersAsync(async users => await users.IsInRoleAsync((await users.FindByIdAsync(id))!, Roles.Admin)));
        Assert.Equal(audited, (await AuditOfAsync(id)).Count);
    }

    [Fact]
    public async Task SetRole_WithAnotherActiveAdmin_DemotesAndTheOtherMayNotDemoteThemselvesAfter()
    {
        var second = await CreateAsync("second-admin@example.org", Roles.Admin);
        var secondPrincipal = await app.PrincipalAsync("second-admin@example.org");
        Assert.True((await Accounts.SetRoleAsync(await AdminAsync(), second, null, Ct)).Succeeded);
        // Demoted, the second admin can no longer manage accounts, even with the principal it held.
        Assert.Equal("UserNotAllowed", (await Accounts.SetRoleAsync(secondPrincipal, second, Roles.Admin, Ct)).Error);
    }

    [Fact]
    public async Task Change_ByAnalyst_IsRefused()
    {
        var id = await CreateAsync("target@example.org");
        var analyst = await app.PrincipalAsync(AdminApp.AnalystEmail);
        Assert.Equal("UserNotAllowed", (await Accounts.SetRoleAsync(analyst, id, Roles.Admin, Ct)).Error);
        Assert.Equal("UserNotAllowed", (await Accounts.DisableAsync(analyst, id, Ct)).Error);
        Assert.Equal("UserNotAllowed", (await Accounts.ResetPasswordAsync(analyst, id, "Stolen-Account-42", Ct)).Error);
    }

    [Fact]
    public async Task Disable_ThenEnable_RefusesThenAllowsSignInAndAuditsBoth()
    {
        var id = await CreateAsync("on-off@example.org");
        Assert.True((await Accounts.DisableAsync(await AdminAsync(), id, Ct)).Succeeded);
        using (var client = app.Anonymous())
        {
            var response = await TestApp.PostLoginAsync(client, "on-off@example.org", Password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("已停用", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.True((await Accounts.EnableAsync(await AdminAsync(), id, Ct)).Succeeded);
        Assert.True(await CanSignInAsync("on-off@example.org", Password));
        var audit = await AuditOfAsync(id);
        Assert.Equal("True", Field(audit[^2].After, "disabled"));
        Assert.Equal("False", Field(audit[^1].After, "disabled"));
    }

    [Fact]
    public async Task Disable_OwnAccount_IsRefused() =>
        Assert.Equal("UserCannotDisableSelf", (await Accounts.DisableAsync(await AdminAsync(), await IdOfAsync(TestApp.AdminEmail), Ct)).Error);

    [Fact]
    public async Task Unlock_AccountLockedByFailedSignIns_LetsItSignInAgain()
    {
        var id = await CreateAsync("unlocked@example.org");
        using (var client = app.Anonymous())
            for (var i = 0; i < 5; i++) await TestApp.PostLoginAsync(client, "unlocked@example.org", "wrong-password");
        Assert.False(await CanSignInAsync("unlocked@example.org", Password));
        Assert.NotNull((await Accounts.ListAsync(Ct)).Single(u => u.Id == id).LockedUntil);

        Assert.True((await Accounts.UnlockAsync(await AdminAsync(), id, Ct)).Succeeded);

        Assert.True(await CanSignInAsync("unlocked@example.org", Password));
        Assert.Contains("lockedOutUntil", (await AuditOfAsync(id))[^1].Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_ByAdmin_ReplacesThePasswordAndAuditsNoSecret()
    {
        var id = await CreateAsync("reset@example.org");
        const string newPassword = "Reset-By-Admin-43";
        Assert.True((await Accounts.ResetPasswordAsync(await AdminAsync(), id, newPassword, Ct)).Succeeded);
        Assert.False(await CanSignInAsync("reset@example.org", Password));
        Assert.True(await CanSignInAsync("reset@example.org", newPassword));
        Assert.Equal("reset", Field((await AuditOfAsync(id))[^1].After, "password"));
        await AssertNoSecretsAsync(id, Password, newPassword);
    }

    [Fact]
    public async Task ResetPassword_TooWeak_IsRefusedInTheUsersLanguage()
    {
        var id = await CreateAsync("weak@example.org");
        var change = await Accounts.ResetPasswordAsync(await AdminAsync(), id, "short", Ct);
        Assert.False(change.Succeeded);
        Assert.Contains(change.IdentityErrors!, e => e.Code == "PasswordTooShort");
        using var culture = new UICulture("zh-CN");
        var l = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ParkMetrics.Web.SharedResource>>();
        Assert.Contains("至少需要 12 位", change.Message(l), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeOwnPassword_OnThePage_KeepsThisSessionAndAuditsIt()
    {
        await CreateAsync("own@example.org");
        using var client = await app.SignInAsync("own@example.org", Password);
        const string newPassword = "Own-Password-44";
        var form = await client.GetStringAsync("/account/password", Ct);
        var response = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = TestApp.Token(form),
            ["Input.Current"] = Password,
            ["Input.New"] = newPassword,
            ["Input.Confirm"] = newPassword,
        }), Ct);
        Assert.Contains("密码已修改", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await CanSignInAsync("own@example.org", newPassword));
        // This browser's cookie was renewed with the new security stamp: still signed in.
        Assert.Contains("own@example.org", await client.GetStringAsync("/account/password", Ct), StringComparison.Ordinal);
        var id = await IdOfAsync("own@example.org");
        var entry = (await AuditOfAsync(id))[^1];
        Assert.Equal("own@example.org", entry.UserName);
        Assert.Equal("changed", Field(entry.After, "password"));
        await AssertNoSecretsAsync(id, Password, newPassword);
    }

    [Fact]
    public async Task ChangeOwnPassword_WrongCurrentPassword_IsRefused()
    {
        await CreateAsync("wrong-current@example.org");
        var (change, user) = await Accounts.ChangeOwnPasswordAsync(await app.PrincipalAsync("wrong-current@example.org"), "Not-The-Password-1", "Whatever-Else-45", Ct);
        Assert.Null(user);
        Assert.Contains(change.IdentityErrors!, e => e.Code == "PasswordMismatch");
        Assert.True(await CanSignInAsync("wrong-current@example.org", Password));
    }
}
