using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary>The first admin at startup: from configuration, generated in Development, never outside it.</summary>
public sealed class FirstAdminTests(PostgresServer server)
{
    /// <summary>The admins after the app has started once, and what it logged (warnings only where <paramref name="readLog"/>).</summary>
    private async Task<(IList<IdentityUser> Admins, LogSink Log)> StartAsync(string environment, string? email = null, string? password = null,
        string? connection = null, bool readLog = false)
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ConnectionString = connection,
            Environment = environment,
            // A generated password, or no admin at all, is a warning: kept out of the output unless the test reads it.
            Settings = [("Admin:Email", email), ("Admin:Password", password), ("Serilog:MinimumLevel:Default", readLog ? "Warning" : "Error")],
        }, server);
        return (await app.WithUsersAsync(users => users.GetUsersInRoleAsync(Roles.Admin)), app.Log);
    }

    [Fact]
    public async Task Startup_AdminFromConfiguration_CreatesThatAdmin()
    {
        var admin = Assert.Single((await StartAsync("Production", "chief@example.org", "Statistics-Office-2025")).Admins);
        Assert.Equal("chief@example.org", admin.Email);
    }

    [Fact]
    public async Task Startup_AdminFromConfiguration_IsAuditedWithoutItsPassword()
    {
        var connection = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var admin = Assert.Single((await StartAsync("Production", "audited@example.org", "Statistics-Office-2025", connection)).Admins);
        await using var db = new ParkMetrics.Data.ParkMetricsDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<ParkMetrics.Data.ParkMetricsDbContext>()
            .UseNpgsql(connection).Options);
        var entry = Assert.Single(db.AuditEntries.Where(a => a.EntityType == "user" && a.EntityKey == admin.Id));
        Assert.Equal(ParkMetrics.Data.Entities.AuditAction.Insert, entry.Action);
        Assert.Equal("system", entry.UserName);
        Assert.Contains(Roles.Admin, entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Statistics-Office-2025", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain(admin.PasswordHash!, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_AdminEmailOfAnAccountWithAnotherPassword_WarnsAndKeepsItsPassword()
    {
        var connection = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await StartAsync("Production", "chief@example.org", "Statistics-Office-2025", connection);
        var (admins, log) = await StartAsync("Production", "chief@example.org", "Changed-In-The-Env-2026", connection, readLog: true);

        var admin = Assert.Single(admins);

        Assert.Contains(log.Events, e => e.Level == Serilog.Events.LogEventLevel.Warning
            && e.Message.Contains("chief@example.org", StringComparison.Ordinal) && e.Message.Contains("keeps its own password", StringComparison.Ordinal));
        var hasher = new PasswordHasher<IdentityUser>();
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(admin, admin.PasswordHash!, "Statistics-Office-2025"));
    }

    [Fact]
    public async Task Startup_AdminEmailOfAnAccountWithThatPassword_DoesNotWarn()
    {
        var connection = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await StartAsync("Production", "chief@example.org", "Statistics-Office-2025", connection);
        var (_, log) = await StartAsync("Production", "chief@example.org", "Statistics-Office-2025", connection, readLog: true);
        Assert.DoesNotContain(log.Events, e => e.Message.Contains("keeps its own password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_DevelopmentWithoutConfiguration_GeneratesAnAdmin()
    {
        var admin = Assert.Single((await StartAsync("Development")).Admins);
        Assert.Equal("admin@parkmetrics.local", admin.Email);
    }

    [Fact]
    public async Task Startup_ProductionWithoutConfiguration_CreatesNoAdmin() =>
        Assert.Empty((await StartAsync("Production")).Admins);
}
