using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ParkMetrics.Data;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>Counts the reads EF makes from commands that touch the "Observations" table.</summary>
internal sealed class RowsRead : DbCommandInterceptor
{
    private int observations;

    /// <summary>Calls to DbDataReader.Read: one per row, and one more that finds no more rows where a reader is read to its end.</summary>
    public int Observations => observations;

    public IDbContextFactory<ParkMetricsDbContext> Contexts(string connectionString) => new PooledDbContextFactory<ParkMetricsDbContext>(
        new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(connectionString).AddInterceptors(this).Options);

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (command.CommandText.Contains("\"Observations\"", StringComparison.Ordinal)) Interlocked.Add(ref observations, eventData.ReadCount);
        return result;
    }
}
