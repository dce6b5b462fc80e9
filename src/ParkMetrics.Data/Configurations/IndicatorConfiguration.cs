using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.HasIndex(i => i.Code).IsUnique();
        b.Property(i => i.Code).HasMaxLength(80);
        b.Property(i => i.NameZh).HasMaxLength(100);
        b.Property(i => i.NameEn).HasMaxLength(200);
        b.Property(i => i.Category).HasMaxLength(32);
        b.Property(i => i.Measure).HasConversion<EnumCodeConverter<MeasureKind>>().HasMaxLength(16);
        b.Property(i => i.Aggregation).HasConversion<EnumCodeConverter<Aggregation>>().HasMaxLength(8);
        b.Property(i => i.Version).IsRowVersion();
        b.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.BaseIndicator).WithMany().HasForeignKey(i => i.BaseIndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
