using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Intake;

/// <summary>What the intake matches a report against: parks, enterprises, indicators and units, from the database or the seed.</summary>
public sealed record IntakeCatalog(
    IReadOnlyList<ParkRow> Parks, IReadOnlyList<EnterpriseRow> Enterprises, IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<UnitRow> Units)
{
    public static IntakeCatalog From(SeedSet seed) => new(seed.Parks, seed.Enterprises, seed.Indicators, seed.Units);

    public static async Task<IntakeCatalog> LoadAsync(ParkMetricsDbContext db, CancellationToken ct = default)
    {
        var parks = await db.Parks.AsNoTracking()
            .Select(p => new ParkRow(p.Code, p.NameZh, p.NameEn, p.Kind, p.Parent == null ? null : p.Parent.Code, p.Aliases)).ToListAsync(ct);
        var enterprises = await db.Enterprises.AsNoTracking()
            .Select(e => new EnterpriseRow(e.Name, e.Aliases, e.Park.Code, e.Sector, e.Designations)).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new IndicatorRow(i.Code, i.NameZh, i.NameEn, i.Category, i.UnitCode, i.Measure, i.Aggregation,
                i.BaseIndicator == null ? null : i.BaseIndicator.Code, i.Aliases)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new UnitRow(u.Code, u.Dimension, u.Factor, u.Aliases)).ToListAsync(ct);
        return new IntakeCatalog(parks, enterprises, indicators, units);
    }
}
