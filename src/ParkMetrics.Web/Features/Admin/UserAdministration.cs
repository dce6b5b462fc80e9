using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParkMetrics.Data;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.Web.Features.Admin;

/// <summary>An account as the users page lists it.</summary>
public sealed record UserRow(string Id, string Email, string? Role, bool Disabled, DateTimeOffset? LockedUntil);

/// <summary>
/// What an account change came to: done, or refused with a message (<see cref="Error"/>, a resource name) or with
/// Identity's errors (a password too weak, an email taken), which <see cref="Message"/> puts in the user's language.
/// </summary>
public sealed record AccountChange(bool Succeeded, string? Error = null, IReadOnlyList<IdentityError>? IdentityErrors = null)
{
    public static readonly AccountChange Done = new(true);

    public static AccountChange Refused(string error) => new(false, error);

    public static AccountChange From(IdentityResult result) => result.Succeeded ? Done : new(false, null, [.. result.Errors]);

    public string Message(IStringLocalizer l) => Error is not null
        ? l[Error]
        : string.Join(" ", (IdentityErrors ?? []).Select(e => l["Identity_" + e.Code] is { ResourceNotFound: false } text ? text.Value : e.Description));
}

/// <summary>
/// Every change to an account, each in one transaction with its audit entry (entity <c>user</c>, keyed by the account's
/// id; a snapshot of email, role and state, never a password or its hash): create, change role, disable, enable,
/// unlock, reset a password (admins), change one's own password. Changes are made one at a time, and none may leave
/// the site without an active admin. Changing a role, disabling and any password change renew the account's security
/// stamp, which ends its other sessions within <see cref="AccountOptions.SessionValidationInterval"/>.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes)
{
    /// <summary>Lockout until this date marks an account as disabled rather than locked out for a while.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The roles an account may hold; null is a reader, who may sign in where browsing requires it.</summary>
    public static readonly string[] AssignableRoles = [Roles.Admin, Roles.Analyst];

    // pg_advisory_xact_lock key: account changes queue behind each other, so two admins demoting each other cannot both pass the last-admin check.
    private const long AccountsLock = 0x5041524B4D5553;

    public static bool IsDisabled(IdentityUser user) => user.LockoutEnd >= DisabledUntil;

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParkMetricsDbContext>();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return [.. users.Select(u => new UserRow(u.Id, u.Email ?? u.UserName ?? u.Id,
            RoleOf(roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)),
            IsDisabled(u), u.LockoutEnd > now && !IsDisabled(u) ? u.LockoutEnd : null))];
    }

    /// <summary>The account's audit entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParkMetricsDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == UserAudit.EntityType && a.EntityKey == userId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    public Task<AccountChange> CreateAsync(ClaimsPrincipal actor, string email, string password, string? role, CancellationToken ct = default) =>
        ChangeAsync(actor, null, async (users, _) =>
        {
            if (role is not null && !AssignableRoles.Contains(role)) return (AccountChange.Refused("UserUnknownRole"), null, null);
            email = email.Trim();
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded && role is not null) result = await users.AddToRoleAsync(user, role);
            return (AccountChange.From(result), user, null);
        }, ct);

    /// <summary>Gives the account <paramref name="role"/> in place of the one it had (null: none).</summary>
    public Task<AccountChange> SetRoleAsync(ClaimsPrincipal actor, string userId, string? role, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, async (users, user) =>
        {
            if (role is not null && !AssignableRoles.Contains(role)) return (AccountChange.Refused("UserUnknownRole"), null, null);
            var current = await users.GetRolesAsync(user!);
            var result = await users.RemoveFromRolesAsync(user!, current.Where(r => r != role));
            if (result.Succeeded && role is not null && !current.Contains(role)) result = await users.AddToRoleAsync(user!, role);
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user!);
            return (AccountChange.From(result), user, null);
        }, ct);

    /// <summary>Signs the account out everywhere and refuses its sign-ins until it is enabled again.</summary>
    public Task<AccountChange> DisableAsync(ClaimsPrincipal actor, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, async (users, user) =>
        {
            if (user!.Id == users.GetUserId(actor)) return (AccountChange.Refused("UserCannotDisableSelf"), null, null);
            var result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, DisabledUntil);
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
            return (AccountChange.From(result), user, null);
        }, ct);

    public Task<AccountChange> EnableAsync(ClaimsPrincipal actor, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, async (users, user) =>
        {
            var result = await users.SetLockoutEndDateAsync(user!, null);
            if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user!);
            return (AccountChange.From(result), user, null);
        }, ct);

    /// <summary>Ends a lockout after failed sign-ins (not a disabled account's: enable that).</summary>
    public Task<AccountChange> UnlockAsync(ClaimsPrincipal actor, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, async (users, user) =>
        {
            if (IsDisabled(user!)) return (AccountChange.Refused("UserIsDisabled"), null, null);
            var result = await users.SetLockoutEndDateAsync(user!, null);
            if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user!);
            return (AccountChange.From(result), user, null);
        }, ct);

    /// <summary>Sets another account's password (its owner's sessions end); one's own is changed with the current one.</summary>
    public Task<AccountChange> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string newPassword, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, async (users, user) =>
        {
            if (user!.Id == users.GetUserId(actor)) return (AccountChange.Refused("UserResetOwnPassword"), null, null);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, newPassword);
            return (AccountChange.From(result), user, "reset");
        }, ct);

    /// <summary>
    /// Changes the signed-in user's own password, given the current one. Returns the account as changed, for the caller
    /// to renew its own sign-in (the new security stamp would otherwise end it too).
    /// </summary>
    public async Task<(AccountChange Change, IdentityUser? User)> ChangeOwnPasswordAsync(ClaimsPrincipal self, string currentPassword, string newPassword,
        CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParkMetricsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.GetUserAsync(self);
        if (user is null) return (AccountChange.Refused("UserNotFound"), null);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = await UserAudit.SnapshotAsync(users, user);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded) return (AccountChange.From(result), null);
        db.AuditEntries.Add(UserAudit.Entry(user, AuditAction.Update, user.Email ?? user.Id, before, await UserAudit.SnapshotAsync(users, user, "changed")));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (AccountChange.Done, user);
    }

    private async Task<AccountChange> ChangeAsync(ClaimsPrincipal actor, string? userId,
        Func<UserManager<IdentityUser>, IdentityUser?, Task<(AccountChange Change, IdentityUser? User, string? Password)>> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParkMetricsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AccountsLock})", ct);

        // Checked here, not only by the page: a circuit may hold a demoted admin until its next revalidation.
        var actorId = users.GetUserId(actor);
        var acting = actorId is null ? null : await users.FindByIdAsync(actorId);
        if (acting is null || IsDisabled(acting) || !await users.IsInRoleAsync(acting, Roles.Admin)) return AccountChange.Refused("UserNotAllowed");

        IdentityUser? target = null;
        string? before = null;
        if (userId is not null)
        {
            target = await users.FindByIdAsync(userId);
            if (target is null) return AccountChange.Refused("UserNotFound");
            before = await UserAudit.SnapshotAsync(users, target);
        }
        var (result, changed, password) = await change(users, target);
        if (!result.Succeeded || changed is null) return result;
        if (await ActiveAdminsAsync(db, ct) == 0) return AccountChange.Refused("UserLastAdmin");

        db.AuditEntries.Add(UserAudit.Entry(changed, target is null ? AuditAction.Insert : AuditAction.Update, acting.Email ?? acting.Id,
            before, await UserAudit.SnapshotAsync(users, changed, password)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private static Task<int> ActiveAdminsAsync(ParkMetricsDbContext db, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         join u in db.Users on ur.UserId equals u.Id
         where r.Name == Roles.Admin && (u.LockoutEnd == null || u.LockoutEnd < DisabledUntil)
         select u.Id).Distinct().CountAsync(ct);

    private static string? RoleOf(IEnumerable<string> roles)
    {
        var held = roles.ToList();
        return AssignableRoles.FirstOrDefault(held.Contains);
    }
}

/// <summary>The audit entries of accounts: what an admin sees of an account, never its password or hash.</summary>
public static class UserAudit
{
    public const string EntityType = "user";

    /// <summary>The account's email, roles and state; <paramref name="password"/> says a password was <c>reset</c> or <c>changed</c>.</summary>
    public static async Task<string> SnapshotAsync(UserManager<IdentityUser> users, IdentityUser user, string? password = null)
    {
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToArray();
        var snapshot = new Dictionary<string, object?>
        {
            ["email"] = user.Email,
            ["roles"] = roles,
            ["disabled"] = UserAdministration.IsDisabled(user),
            ["lockedOutUntil"] = user.LockoutEnd > DateTimeOffset.UtcNow && !UserAdministration.IsDisabled(user) ? user.LockoutEnd : null,
        };
        if (password is not null) snapshot["password"] = password;
        return Audit.Serialize(snapshot);
    }

    public static AuditEntry Entry(IdentityUser user, AuditAction action, string actor, string? before, string after) =>
        Audit.Entry(EntityType, 0, action, actor, before, after, reason: null, DateTimeOffset.UtcNow, key: user.Id);
}
