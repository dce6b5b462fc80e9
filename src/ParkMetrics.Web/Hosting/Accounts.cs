using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using ParkMetrics.Data;

namespace ParkMetrics.Web.Hosting;

public static class Roles
{
    /// <summary>Enters and corrects figures, manages enterprises and users.</summary>
    public const string Admin = "Admin";
    /// <summary>May also see drafts and the history of figures.</summary>
    public const string Analyst = "Analyst";
}

public static class Accounts
{
    public const string AdminPolicy = "Admin";
    public const string HistoryPolicy = "History";

    /// <summary>
    /// Identity in the app's PostgreSQL with cookies: a password policy, lockout after repeated failures, HttpOnly
    /// cookies (secure over HTTPS). The API answers 401/403 instead of redirecting to the sign-in page.
    /// </summary>
    public static WebApplicationBuilder AddParkMetricsAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddCascadingAuthenticationState();
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
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/status/403";
            o.Cookie.Name = "ParkMetrics.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden),
            };
        });
        var requireLoginToView = builder.Configuration.GetValue("Auth:RequireLoginToView", false);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(HistoryPolicy, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .SetFallbackPolicy(requireLoginToView ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build() : null);
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
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;

        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        var generated = false;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!environment.IsDevelopment())
            {
                LogNoAdmin();
                return;
            }
            email = string.IsNullOrWhiteSpace(email) ? "admin@parkmetrics.local" : email;
            password = "Pm-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y') + "7a";
            generated = true;
        }
        // An existing account of that email becomes the admin with its own password; otherwise a new one is made.
        var user = await users.FindByEmailAsync(email);
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
        else generated = false;
        await users.AddToRoleAsync(user, Roles.Admin);
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

    [LoggerMessage(LogLevel.Information, "Created the first admin {Email} from configuration")]
    private partial void LogCreatedAdmin(string email);
}
