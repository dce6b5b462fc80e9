using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data;

/// <summary>
/// The figures and their catalogs, plus ASP.NET Core Identity's users and roles and the Data Protection keys in the same
/// database, so that every app instance reads the same keys and a sign-in cookie survives a restart or another instance.
/// </summary>
public class ParkMetricsDbContext(DbContextOptions<ParkMetricsDbContext> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<MeasurementUnit> Units => Set<MeasurementUnit>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<PlanPeriod> PlanPeriods => Set<PlanPeriod>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ParkMetricsDbContext).Assembly);
    }
}
