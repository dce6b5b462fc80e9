using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary>
/// The app over a seeded database of its own, with the first admin from configuration, and helpers to sign in through
/// the real sign-in form (antiforgery token and all). A request's <see cref="TestPeer.Header"/> header stands for the
/// client's address. Subclasses change the environment or settings.
/// </summary>
public partial class AdminApp(PostgresServer server) : IAsyncLifetime
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Correct-Horse-42";
    public const string AnalystEmail = "analyst@example.org";
    public const string AnalystPassword = "Battery-Staple-42";
    /// <summary>A source with no text, so that an upload's quotes need not stand in one (the seed's sources have their articles' texts where present).</summary>
    public const string NotesSource = "admin-notes";

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    /// <summary>Log events of Warning and above, from the app's Serilog.</summary>
    public LogSink Log { get; } = new();

    protected virtual string EnvironmentName => "Development";

    /// <summary>Configuration keys and values beyond the database and the first admin.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await server.CreateDatabaseAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(EnvironmentName);
            b.UseSetting("ConnectionStrings:ParkMetrics", ConnectionString);
            b.UseSetting("Database:MigrateOnStartup", "true");
            b.UseSetting("Admin:Email", AdminEmail);
            b.UseSetting("Admin:Password", AdminPassword);
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // Every test client shares one address (none): sign-ins are limited per address only where a test says so.
            b.UseSetting("Auth:SignInLimit:PermitLimit", "100000");
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
            b.ConfigureServices(services =>
            {
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeer>();
                services.AddSingleton<Serilog.Core.ILogEventSink>(Log);
            });
        });
        using var warmUp = Factory.CreateClient();
        await warmUp.GetAsync("/health");
        await CreateUserAsync(AnalystEmail, AnalystPassword, ParkMetrics.Web.Hosting.Roles.Analyst);
        await using var db = CreateContext();
        db.Sources.Add(new Source { Code = NotesSource, Kind = SourceKind.Other, Title = "管理员笔记", AsOf = new DateOnly(2025, 12, 31) });
        await db.SaveChangesAsync();
    }

    public async Task CreateUserAsync(string email, string password, string? role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (role is not null) await users.AddToRoleAsync(user, role);
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in through /account/login and returns a client carrying the cookie (redirects not followed).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {email} answered {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string query = "")
    {
        var form = await client.GetStringAsync("/account/login" + query);
        var token = Token(form);
        return await client.PostAsync("/account/login" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of the first form of <paramref name="html"/>.</summary>
    public static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    /// <summary>Runs <paramref name="work"/> with the app's user manager, in a scope of its own.</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<IdentityUser>, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>());
    }

    /// <summary>The principal a sign-in of <paramref name="email"/> carries now (its roles and security stamp).</summary>
    public Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email) => WithUsersAsync(async users =>
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>();
        return await claims.CreateAsync((await users.FindByEmailAsync(email))!);
    });

    public ParkMetricsDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
