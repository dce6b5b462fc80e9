using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data;

namespace ParkMetrics.IntegrationTests.Web;

/// <summary>Two app instances on one database, as behind a load balancer.</summary>
public sealed class ScaleOutTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DataProtection_KeysLiveInTheDatabase_SoAnotherInstanceReadsWhatOneProtected()
    {
        var database = await server.CreateDatabaseAsync(Ct);
        await using var first = await TestApp.StartAsync(new() { ConnectionString = database });
        await using var second = await TestApp.StartAsync(new() { ConnectionString = database });

        // What a sign-in cookie or an antiforgery token is made of.
        var cookie = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("admin@parkmetrics.test");
        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(cookie);

        Assert.Equal("admin@parkmetrics.test", read);
        await using var db = new ParkMetricsDbContext(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(database).Options);
        Assert.NotEmpty(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct));
    }

    [Fact]
    public async Task ReadOnlyConnection_WhenSet_ServesThePagesFromThatDatabase()
    {
        // Two databases stand in for a primary and its replica: only the "replica" holds the seed.
        var primary = await server.CreateDatabaseAsync(Ct);
        var replica = await server.CreateDatabaseAsync(Ct);
        await using (await TestApp.StartAsync(new() { ConnectionString = replica })) { } // migrates and seeds it
        await using (var db = new ParkMetricsDbContext(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(primary).Options))
            await db.Database.MigrateAsync(Ct);

        await using var app = await TestApp.StartAsync(new()
        {
            ConnectionString = primary,
            Settings = [("ConnectionStrings:ParkMetricsReadOnly", replica), ("Database:SeedWhenEmpty", "false")],
        });
        var csv = await app.Client.GetStringAsync("/api/observations.csv?park=ganhe&bom=false", Ct);

        Assert.Contains("ganhe", csv, StringComparison.Ordinal); // the primary has no figures at all
    }
}
