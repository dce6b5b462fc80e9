using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data;
using ParkMetrics.Data.Embedded;

namespace ParkMetrics.Benchmarks;

/// <summary>
/// The database a benchmark command works on: --connection "Host=…" or ConnectionStrings__ParkMetrics, else the
/// embedded PostgreSQL in --data-dir (default: the app's), started for the command and stopped after it.
/// </summary>
internal static class BenchDatabase
{
    public static async Task<T> WithContextAsync<T>(string? connection, string? dataDirectory, Func<ParkMetricsDbContext, Task<T>> action)
    {
        connection ??= Environment.GetEnvironmentVariable("ConnectionStrings__ParkMetrics");
        EmbeddedPostgres? embedded = null;
        if (string.IsNullOrWhiteSpace(connection))
        {
            embedded = await EmbeddedPostgres.StartAsync(dataDirectory ?? EmbeddedPostgres.DefaultRoot());
            connection = embedded.ConnectionString;
        }
        try
        {
            await using var db = new ParkMetricsDbContext(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(connection).Options);
            return await action(db);
        }
        finally
        {
            if (embedded is not null) await embedded.DisposeAsync();
        }
    }
}
