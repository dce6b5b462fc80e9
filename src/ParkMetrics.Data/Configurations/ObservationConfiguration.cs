using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> b)
    {
        // The natural key: one figure per subject, indicator, period and source. A park-level figure has no
        // enterprise, so NULLs must compare equal for the key to hold (PostgreSQL 15+).
        b.HasIndex(o => new { o.ParkId, o.EnterpriseId, o.IndicatorId, o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.SourceId })
            .IsUnique().AreNullsDistinct(false);
        // Charts read one indicator's series for a few parks, and which parks report it (an index-only scan).
        b.HasIndex(o => new { o.IndicatorId, o.ParkId, o.EnterpriseId, o.PeriodKind, o.PeriodStart }).HasDatabaseName("IX_Observations_Chart");
        b.Property(o => o.PeriodKind).HasConversion<EnumCodeConverter<PeriodKind>>().HasMaxLength(16);
        b.Property(o => o.Qualifier).HasConversion<EnumCodeConverter<Qualifier>>().HasMaxLength(16);
        b.Property(o => o.Value).HasPrecision(28, 10);
        b.Property(o => o.ReportedValue).HasPrecision(28, 10);
        b.Property(o => o.ReportedUnit).HasMaxLength(16);
        b.Property(o => o.Quote).HasMaxLength(200);
        b.Property(o => o.Note).HasMaxLength(500);
        b.Property(o => o.EnteredBy).HasMaxLength(256);
        b.Property(o => o.DeletedBy).HasMaxLength(256);
        b.HasQueryFilter(o => o.DeletedAt == null);
        b.ToTable(t => t.HasCheckConstraint("CK_Observations_Period", "\"PeriodStart\" <= \"PeriodEnd\""));
        b.HasOne(o => o.Park).WithMany().HasForeignKey(o => o.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Enterprise).WithMany().HasForeignKey(o => o.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Indicator).WithMany().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Source).WithMany().HasForeignKey(o => o.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.PlanPeriod).WithMany().HasForeignKey(o => o.PlanPeriodId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Version).IsRowVersion();
    }
}
