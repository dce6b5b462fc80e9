using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Code).HasMaxLength(32);
        b.Property(p => p.NameZh).HasMaxLength(100);
        b.Property(p => p.NameEn).HasMaxLength(200);
        b.Property(p => p.Kind).HasConversion<EnumCodeConverter<ParkKind>>().HasMaxLength(16);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne(p => p.Parent).WithMany(p => p.Children).HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
