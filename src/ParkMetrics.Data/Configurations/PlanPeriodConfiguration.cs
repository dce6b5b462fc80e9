using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class PlanPeriodConfiguration : IEntityTypeConfiguration<PlanPeriod>
{
    public void Configure(EntityTypeBuilder<PlanPeriod> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Code).HasMaxLength(16);
        b.Property(p => p.NameZh).HasMaxLength(16);
        b.Property(p => p.NameEn).HasMaxLength(64);
        b.Ignore(p => p.Start);
        b.Ignore(p => p.End);
        b.HasData(PlanPeriod.All.Select((p, i) => new PlanPeriod
        {
            Id = i + 1, Code = p.Code, NameZh = p.NameZh, NameEn = p.NameEn, StartYear = p.StartYear, EndYear = p.EndYear,
        }));
    }
}
