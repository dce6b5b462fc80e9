using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Seeding;

/// <summary>
/// The catalogs as rows: parks, enterprises, indicators and units, from the seed files or the database. Uploads are checked
/// against them and the intake matches reports against them.
/// </summary>
public sealed record CatalogRows(
    IReadOnlyList<ParkRow> Parks, IReadOnlyList<EnterpriseRow> Enterprises, IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<UnitRow> Units)
{
    public static CatalogRows From(SeedSet seed) => new(seed.Parks, seed.Enterprises, seed.Indicators, seed.Units);

    public static async Task<CatalogRows> LoadAsync(ParkMetricsDbContext db, CancellationToken ct = default)
    {
        var parks = await db.Parks.AsNoTracking()
            .Select(p => new ParkRow(p.Code, p.NameZh, p.NameEn, p.Kind, p.Parent == null ? null : p.Parent.Code, p.Aliases)).ToListAsync(ct);
        var enterprises = await db.Enterprises.AsNoTracking()
            .Select(e => new EnterpriseRow(e.Name, e.Aliases, e.Park.Code, e.Sector, e.Designations)).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new IndicatorRow(i.Code, i.NameZh, i.NameEn, i.Category, i.UnitCode, i.Measure, i.Aggregation,
                i.BaseIndicator == null ? null : i.BaseIndicator.Code, i.Aliases)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new UnitRow(u.Code, u.Dimension, u.Factor, u.Aliases)).ToListAsync(ct);
        return new CatalogRows(parks, enterprises, indicators, units);
    }
}
