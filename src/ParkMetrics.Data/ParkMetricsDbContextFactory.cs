using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ParkMetrics.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class ParkMetricsDbContextFactory : IDesignTimeDbContextFactory<ParkMetricsDbContext>
{
    public ParkMetricsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql("Host=localhost;Database=parkmetrics").Options);
}
