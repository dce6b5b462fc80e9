using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.HasIndex(e => e.Name).IsUnique();
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Sector).HasMaxLength(100);
        b.HasOne(e => e.Park).WithMany(p => p.Enterprises).HasForeignKey(e => e.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Version).IsRowVersion();
    }
}
