using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using ParkMetrics.Data;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Writing;

namespace ParkMetrics.Web.Hosting;

public static class Roles
{
    /// <summary>Enters and corrects figures, manages enterprises and users.</summary>
    public const string Admin = "Admin";
    /// <summary>May also see drafts and the history of figures.</summary>
    public const string Analyst = "Analyst";
}

/// <summary>The <c>Auth</c> section of configuration.</summary>
public sealed class AccountOptions
{
    /// <summary>Browsing and export need a sign-in too.</summary>
    public bool RequireLoginToView { get; set; }

    /// <summary>How often a session is checked against its account, on requests and in open circuits.</summary>
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public SignInLimitOptions SignInLimit { get; set; } = new();
}

public static class Accounts
{
    public const string AdminPolicy = "Admin";
    public const string HistoryPolicy = "History";

    /// <summary>
    /// Identity in the app's PostgreSQL with cookies: a password policy, lockout after repeated failures, HttpOnly
    /// cookies (always Secure outside Development, see <see cref="WebSecurity"/>), sessions checked against the account
    /// every <c>Auth:SessionValidationInterval</c> (a minute) on each request and in each open circuit, sign-in attempts
    /// limited per client address. The API answers 401/403 instead of redirecting to the sign-in page.
    /// </summary>
    public static WebApplicationBuilder AddParkMetricsAccounts(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Auth").Get<AccountOptions>() ?? new AccountOptions();
        builder.Services.Configure<AccountOptions>(builder.Configuration.GetSection("Auth"));
        builder.Services.AddCascadingAuthenticationState();
        // Open circuits check the account as often as cookies do: a demoted, disabled or deleted admin's tab loses access.
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddIdentityCore<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ParkMetricsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // Each request re-reads the account once the interval has passed: roles afresh, and a changed security stamp
        // (password, roles, disabled) or a deleted account signs the cookie out.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = options.SessionValidationInterval);
        var development = builder.Environment.IsDevelopment();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/status/403";
            o.Cookie.Name = "ParkMetrics.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Added to Identity's events, not replacing them: OnValidatePrincipal stays the security-stamp validator.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, SignInRateLimit>(SignInRateLimit.PolicyName));
        var requireLoginToView = builder.Configuration.GetValue("Auth:RequireLoginToView", false);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(HistoryPolicy, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .SetFallbackPolicy(requireLoginToView ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build() : null);
        builder.Services.AddSingleton<Features.Admin.UserAdministration>();
        builder.Services.AddHostedService<FirstAdmin>();
        return builder;
    }

    /// <summary>
    /// The API answers 401 or 403 as they are; a page redirects an anonymous visitor to sign in, and answers a
    /// signed-in visitor without the role with 403 and the access-denied page (through the status code pages).
    /// </summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || status == StatusCodes.Status403Forbidden) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Creates the roles and, when no admin exists, the first admin from <c>Admin:Email</c> and <c>Admin:Password</c>
/// (environment <c>Admin__Email</c>, <c>Admin__Password</c>). In Development without them, a generated password is
/// written to the log once. Runs after the database has started and migrated.
/// </summary>
internal sealed partial class FirstAdmin(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<FirstAdmin> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in (string[])[Roles.Admin, Roles.Analyst])
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        var existing = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
        // Admin__Password only ever creates an account: say so when it names one whose password is another.
        if (existing is not null && !string.IsNullOrWhiteSpace(password) && !await users.CheckPasswordAsync(existing, password))
            LogPasswordKept(existing.Email ?? email!);
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;

        var generated = false;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!environment.IsDevelopment())
            {
                LogNoAdmin();
                return;
            }
            email = string.IsNullOrWhiteSpace(email) ? "admin@parkmetrics.local" : email;
            existing ??= await users.FindByEmailAsync(email);
            password = "Pm-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y') + "7a";
            generated = existing is null;
        }
        // An existing account of that email becomes the admin with its own password; otherwise a new one is made.
        var db = scope.ServiceProvider.GetRequiredService<ParkMetricsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = existing;
        var before = user is null ? null : await Features.Admin.UserAudit.SnapshotAsync(users, user);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                LogAdminRejected(email, string.Join("; ", created.Errors.Select(e => e.Description)));
                return;
            }
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        db.AuditEntries.Add(Features.Admin.UserAudit.Entry(user, before is null ? AuditAction.Insert : AuditAction.Update, FigureWriter.SystemUser,
            before, await Features.Admin.UserAudit.SnapshotAsync(users, user)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (generated) LogGeneratedAdmin(email, password);
        else LogCreatedAdmin(email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "No admin account exists. Set Admin__Email and Admin__Password and restart to create the first one.")]
    private partial void LogNoAdmin();

    [LoggerMessage(LogLevel.Error, "The first admin {Email} could not be created: {Errors}")]
    private partial void LogAdminRejected(string email, string errors);

    [LoggerMessage(LogLevel.Warning, "Created the first admin {Email} with the generated password {Password}. It is shown only this once: sign in and change it, or set Admin__Email and Admin__Password.")]
    private partial void LogGeneratedAdmin(string email, string password);

    [LoggerMessage(LogLevel.Warning, "Admin__Email names the existing account {Email}, whose password is not Admin__Password: the account keeps its own password (Admin__Password only sets the password of an account it creates). Sign in with the account's password, have another admin reset it on /admin/users, or remove Admin__Password.")]
    private partial void LogPasswordKept(string email);

    [LoggerMessage(LogLevel.Information, "Made {Email} the first admin from configuration")]
    private partial void LogCreatedAdmin(string email);
}
