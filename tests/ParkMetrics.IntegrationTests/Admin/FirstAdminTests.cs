using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary>The first admin at startup: from configuration, generated in Development, never outside it.</summary>
public sealed class FirstAdminTests(PostgresServer server)
{
    private async Task<IList<IdentityUser>> AdminsAfterStartAsync(string environment, string? email = null, string? password = null,
        string? connection = null, LogSink? log = null)
    {
        connection ??= await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("ConnectionStrings:ParkMetrics", connection);
            b.UseSetting("Database:MigrateOnStartup", "true");
            if (email is not null) b.UseSetting("Admin:Email", email);
            if (password is not null) b.UseSetting("Admin:Password", password);
            b.UseSetting("Serilog:MinimumLevel:Default", log is null ? "Error" : "Warning");
            if (log is not null) b.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(log));
        });
        using var client = factory.CreateClient();
        await client.GetAsync("/health", TestContext.Current.CancellationToken);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().GetUsersInRoleAsync(Roles.Admin);
    }

    [Fact]
    public async Task Startup_AdminFromConfiguration_CreatesThatAdmin()
    {
        var admin = Assert.Single(await AdminsAfterStartAsync("Production", "chief@example.org", "Statistics-Office-2025"));
        Assert.Equal("chief@example.org", admin.Email);
    }

    [Fact]
    public async Task Startup_AdminFromConfiguration_IsAuditedWithoutItsPassword()
    {
        var connection = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var admin = Assert.Single(await AdminsAfterStartAsync("Production", "audited@example.org", "Statistics-Office-2025", connection));
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
        await AdminsAfterStartAsync("Production", "chief@example.org", "Statistics-Office-2025", connection);
        var log = new LogSink();

        var admin = Assert.Single(await AdminsAfterStartAsync("Production", "chief@example.org", "Changed-In-The-Env-2026", connection, log));

        Assert.Contains(log.Events, e => e.Level == Serilog.Events.LogEventLevel.Warning
            && e.Message.Contains("chief@example.org", StringComparison.Ordinal) && e.Message.Contains("keeps its own password", StringComparison.Ordinal));
        var hasher = new PasswordHasher<IdentityUser>();
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(admin, admin.PasswordHash!, "Statistics-Office-2025"));
    }

    [Fact]
    public async Task Startup_AdminEmailOfAnAccountWithThatPassword_DoesNotWarn()
    {
        var connection = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await AdminsAfterStartAsync("Production", "chief@example.org", "Statistics-Office-2025", connection);
        var log = new LogSink();
        await AdminsAfterStartAsync("Production", "chief@example.org", "Statistics-Office-2025", connection, log);
        Assert.DoesNotContain(log.Events, e => e.Message.Contains("keeps its own password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_DevelopmentWithoutConfiguration_GeneratesAnAdmin()
    {
        var admin = Assert.Single(await AdminsAfterStartAsync("Development"));
        Assert.Equal("admin@parkmetrics.local", admin.Email);
    }

    [Fact]
    public async Task Startup_ProductionWithoutConfiguration_CreatesNoAdmin() =>
        Assert.Empty(await AdminsAfterStartAsync("Production"));
}
