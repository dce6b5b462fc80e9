using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Code).HasMaxLength(64);
        b.Property(s => s.FileName).HasMaxLength(200);
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Outlet).HasMaxLength(100);
        b.Property(s => s.Kind).HasConversion<EnumCodeConverter<SourceKind>>().HasMaxLength(32);
        b.Property(s => s.DateNote).HasMaxLength(500);
        b.Property(s => s.Url).HasMaxLength(2000);
        b.Property(s => s.Version).IsRowVersion();
    }
}
