using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary>The first admin at startup: from configuration, generated in Development, never outside it.</summary>
public sealed class FirstAdminTests(PostgresServer server)
{
    private async Task<IList<IdentityUser>> AdminsAfterStartAsync(string environment, string? email = null, string? password = null)
    {
        var connection = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("ConnectionStrings:ParkMetrics", connection);
            b.UseSetting("Database:MigrateOnStartup", "true");
            if (email is not null) b.UseSetting("Admin:Email", email);
            if (password is not null) b.UseSetting("Admin:Password", password);
            b.UseSetting("Serilog:MinimumLevel:Default", "Error");
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
    public async Task Startup_DevelopmentWithoutConfiguration_GeneratesAnAdmin()
    {
        var admin = Assert.Single(await AdminsAfterStartAsync("Development"));
        Assert.Equal("admin@parkmetrics.local", admin.Email);
    }

    [Fact]
    public async Task Startup_ProductionWithoutConfiguration_CreatesNoAdmin() =>
        Assert.Empty(await AdminsAfterStartAsync("Production"));
}
