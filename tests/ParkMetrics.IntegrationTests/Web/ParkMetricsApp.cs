using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParkMetrics.IntegrationTests.Web;

/// <summary>
/// The web app over a database of the test's choosing. In Development it migrates and, when the database is empty,
/// seeds it at startup, as a newcomer's first run does.
/// </summary>
public sealed class ParkMetricsApp(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:ParkMetrics", connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
