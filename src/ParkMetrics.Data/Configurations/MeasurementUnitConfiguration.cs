using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class MeasurementUnitConfiguration : IEntityTypeConfiguration<MeasurementUnit>
{
    public void Configure(EntityTypeBuilder<MeasurementUnit> b)
    {
        b.ToTable("Units");
        b.HasKey(u => u.Code);
        b.Property(u => u.Code).HasMaxLength(16);
        b.Property(u => u.Dimension).HasMaxLength(32);
        b.Property(u => u.Factor).HasPrecision(28, 10);
        b.Property(u => u.Version).IsRowVersion();
    }
}
