using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using ParkMetrics.Data;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>
/// Plays another admin: just before the first save of a write, commits <paramref name="sql"/> on a connection of its own,
/// as if it had been saved between the write's reads and its own save.
/// </summary>
internal sealed class InsertMeanwhile(string connectionString, string sql) : SaveChangesInterceptor
{
    private bool done;

    public IDbContextFactory<ParkMetricsDbContext> Contexts => new PooledDbContextFactory<ParkMetricsDbContext>(
        new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(connectionString).AddInterceptors(this).Options);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (done) return result;
        done = true;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }
}
