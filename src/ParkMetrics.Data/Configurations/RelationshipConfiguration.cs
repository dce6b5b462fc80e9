using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> b)
    {
        // The natural key the seed upserts on: one relationship of a kind between the same indicators.
        b.HasIndex(r => new { r.Kind, r.IndicatorId, r.PartIndicatorId, r.BaseIndicatorId }).IsUnique().AreNullsDistinct(false);
        b.Property(r => r.Kind).HasConversion<EnumCodeConverter<RelationshipKind>>().HasMaxLength(16);
        b.Property(r => r.Note).HasMaxLength(500);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne(r => r.Indicator).WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.PartIndicator).WithMany().HasForeignKey(r => r.PartIndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.BaseIndicator).WithMany().HasForeignKey(r => r.BaseIndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.BasePark).WithMany().HasForeignKey(r => r.BaseParkId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Relationships_BasePark", "NOT (\"BaseOnParent\" AND \"BaseParkId\" IS NOT NULL)"));
    }
}
