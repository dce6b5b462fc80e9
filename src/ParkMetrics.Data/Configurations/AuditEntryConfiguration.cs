using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        b.Property(a => a.EntityType).HasMaxLength(32);
        b.Property(a => a.EntityKey).HasMaxLength(80);
        b.Property(a => a.Action).HasConversion<EnumCodeConverter<AuditAction>>().HasMaxLength(16);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Before).HasColumnType("jsonb");
        b.Property(a => a.After).HasColumnType("jsonb");
        b.Property(a => a.Reason).HasMaxLength(500);
    }
}
