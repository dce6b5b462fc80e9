using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;
using ParkMetrics.Web.Features.Admin;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.BrowserTests;

/// <summary>
/// Accounts in the browser, on an app of their own: an admin's open tab loses the admin pages within the validation
/// interval of their demotion, and an admin manages an account on /admin/users, all under the Content-Security-Policy.
/// </summary>
public sealed class AccountTests(BrowserApp app)
{
    private const string Email = "chief@parkmetrics.test";
    private const string Password = "Account-Tests-2026";

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(TestApp own, string email)
    {
        await using var scope = own.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>().CreateAsync((await users.FindByEmailAsync(email))!);
    }

    [Fact]
    public async Task Admin_DemotedWhileTheUsersPageIsOpen_LosesItWithinTheInterval()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password), ("Auth:SessionValidationInterval", "00:00:02"));
        var accounts = own.Services.GetRequiredService<UserAdministration>();
        const string deputy = "deputy@parkmetrics.test";
        Assert.True((await accounts.CreateAsync(await PrincipalAsync(own, Email), deputy, Password, Roles.Admin, TestContext.Current.CancellationToken)).Succeeded);

        await using var session = await app.OpenAsync(own: own);
        var page = session.Page;
        await SignIn.OpenAsAsync(session, "/admin/users", Ui.Zh, deputy, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("用户与角色");

        var id = (await accounts.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.Email == deputy).Id;
        Assert.True((await accounts.SetRoleAsync(await PrincipalAsync(own, Email), id, Roles.Analyst, TestContext.Current.CancellationToken)).Succeeded);

        // No reload: the open circuit finds the changed account by itself.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("无权访问", new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("accounts.demoted-tab");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Admin_CreatesPromotesDisablesAndResetsAnAccount_SeesEachInItsHistory()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        await using var session = await app.OpenAsync(own: own);
        var page = session.Page;
        await SignIn.OpenAsAsync(session, "/admin/users", Ui.Zh, Email, Password);

        const string analyst = "new-analyst@parkmetrics.test";
        await page.GetByLabel("邮箱").FillAsync(analyst);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Weak");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账户" }).ClickAsync();
        await Expect(page.GetByTestId("users-message")).ToContainTextAsync("密码至少需要 12 位");
        // Corrected as a person would, the whole form again.
        await page.GetByLabel("邮箱").FillAsync(analyst);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("New-Analyst-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账户" }).ClickAsync();
        await Expect(page.GetByTestId("users-message")).ToHaveTextAsync($"已创建账户 {analyst}。");

        await page.GetByRole(AriaRole.Button, new() { Name = $"管理账户 {analyst}" }).ClickAsync();
        var manage = page.GetByTestId("manage-user");
        await manage.GetByLabel("角色").SelectOptionAsync(Roles.Admin);
        await manage.GetByRole(AriaRole.Button, new() { Name = "更改角色" }).ClickAsync();
        await Expect(page.GetByTestId("users-message")).ToHaveTextAsync($"账户 {analyst} 的角色已改为“管理员（录入和修改数据）”。");
        await manage.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Expect(page.GetByTestId("users-message")).ToContainTextAsync($"已停用账户 {analyst}");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = analyst })).ToContainTextAsync("已停用");
        await manage.GetByLabel("新密码").FillAsync("Reset-Analyst-2027");
        await manage.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await Expect(page.GetByTestId("users-message")).ToHaveTextAsync($"已重置账户 {analyst} 的密码。");
        await Expect(page.GetByTestId("user-history").Locator("li")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("user-history")).ToContainTextAsync("已由管理员重置");

        // The only other active admin cannot demote themselves.
        await page.GetByRole(AriaRole.Button, new() { Name = $"管理账户 {Email}" }).ClickAsync();
        await manage.GetByLabel("角色").SelectOptionAsync(Roles.Analyst);
        await manage.GetByRole(AriaRole.Button, new() { Name = "更改角色" }).ClickAsync();
        await Expect(page.GetByTestId("users-message")).ToHaveTextAsync("至少要保留一位正常的管理员，未作更改。");
        await session.ScreenshotAsync("accounts.users");
        session.AssertNoConsoleErrors();
    }
}
