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
/// the real sign-in form (antiforgery token and all).
/// </summary>
public sealed partial class AdminApp(PostgresServer server) : IAsyncLifetime
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Correct-Horse-42";
    public const string AnalystEmail = "analyst@example.org";
    public const string AnalystPassword = "Battery-Staple-42";
    /// <summary>A source with no text, so that an upload's quotes need not stand in one (the seed's sources have their articles' texts where present).</summary>
    public const string NotesSource = "admin-notes";

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await server.CreateDatabaseAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:ParkMetrics", ConnectionString);
            b.UseSetting("Admin:Email", AdminEmail);
            b.UseSetting("Admin:Password", AdminPassword);
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
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

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = TokenField().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public ParkMetricsDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
