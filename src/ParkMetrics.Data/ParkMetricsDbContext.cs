using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data;

public class ParkMetricsDbContext(DbContextOptions<ParkMetricsDbContext> options) : DbContext(options)
{
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<MeasurementUnit> Units => Set<MeasurementUnit>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<PlanPeriod> PlanPeriods => Set<PlanPeriod>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Observation> Observations => Set<Observation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ParkMetricsDbContext).Assembly);
}
