using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Checks;

/// <param name="UnitFactor">Base units of the dimension in one of the indicator's unit: stored values times this are comparable across indicators.</param>
public sealed record CheckIndicator(int Id, string Code, string NameZh, string NameEn, string Unit, double UnitFactor, string Dimension,
    MeasureKind Measure, Aggregation Aggregation, int? BaseId)
{
    /// <summary>Measures that can fall below zero: a 不足 of them has no lower end.</summary>
    public bool CanBeNegative => Measure is MeasureKind.GrowthRate or MeasureKind.ChangePp;

    public bool IsAmount => Measure is MeasureKind.Level or MeasureKind.Count or MeasureKind.Capacity;
}

public sealed record CheckPark(int Id, string Code, string NameZh, string NameEn, ParkKind Kind, int? ParentId);

public sealed record CheckSource(int Id, string Code, string Title, DateOnly? PublishedOn, DateOnly AsOf, bool HasText);

/// <summary>Where a relationship comes from: the seed's file, an admin, or the indicator catalog's <c>base</c> of a growth rate.</summary>
public enum RelationshipOrigin { Seed, Admin, Catalog }

/// <summary>A relationship with its indicators and parks as ids, as the rules use it.</summary>
public sealed record CheckRelationship(RelationshipKind Kind, int IndicatorId, int? PartId, int? BaseId, int? BaseParkId, bool BaseOnParent,
    RelationshipOrigin Origin, string? Note = null, int? Id = null, string? CreatedBy = null);

/// <summary>
/// The catalog as the consistency checks read it, with ids: indicators (unit factor, measure, aggregation), parks and their
/// parents, enterprises, units by code and alias, sources, and the relationships, the declared ones and those derived from
/// the catalog (a growth rate with a <c>base</c> is that level's growth). Read from the database, or built from the seed files
/// (ids in file order) for checks that need no database.
/// </summary>
public sealed class CheckCatalog
{
    public required IReadOnlyDictionary<int, CheckIndicator> Indicators { get; init; }
    public required IReadOnlyDictionary<int, CheckPark> Parks { get; init; }
    public required IReadOnlyDictionary<int, (string Name, int ParkId)> Enterprises { get; init; }
    public required IReadOnlyDictionary<int, CheckSource> Sources { get; init; }
    /// <summary>Each unit's factor to its dimension's base, under its code and each alias.</summary>
    public required IReadOnlyDictionary<string, double> UnitFactors { get; init; }
    public required IReadOnlyList<CheckRelationship> Relationships { get; init; }

    private Dictionary<string, int>? indicatorIds, parkIds, enterpriseIds, sourceIds;
    private ILookup<int, int>? children;

    public int? IndicatorId(string code) => (indicatorIds ??= Indicators.Values.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal)).TryGetValue(code, out var id) ? id : null;
    public int? ParkId(string code) => (parkIds ??= Parks.Values.ToDictionary(p => p.Code, p => p.Id, StringComparer.Ordinal)).TryGetValue(code, out var id) ? id : null;
    public int? EnterpriseId(string name) => (enterpriseIds ??= Enterprises.ToDictionary(e => e.Value.Name, e => e.Key, StringComparer.Ordinal)).TryGetValue(name, out var id) ? id : null;
    public int? SourceId(string code) => (sourceIds ??= Sources.Values.ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal)).TryGetValue(code, out var id) ? id : null;

    /// <summary>The parks whose parent is <paramref name="parkId"/>.</summary>
    public IEnumerable<int> ChildrenOf(int parkId) => (children ??= Parks.Values.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id))[parkId];

    public static async Task<CheckCatalog> LoadAsync(ParkMetricsDbContext db, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Code, u.Dimension, u.Factor, u.Aliases }).ToListAsync(ct);
        var factors = UnitFactorsOf(units.Select(u => (u.Code, (double)u.Factor, (IReadOnlyList<string>)u.Aliases)));
        var dimensions = units.ToDictionary(u => u.Code, u => u.Dimension);
        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new { i.Id, i.Code, i.NameZh, i.NameEn, i.UnitCode, i.Measure, i.Aggregation, i.BaseIndicatorId }).ToListAsync(ct);
        var parks = await db.Parks.AsNoTracking().Select(p => new CheckPark(p.Id, p.Code, p.NameZh, p.NameEn, p.Kind, p.ParentId)).ToListAsync(ct);
        var enterprises = await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.Name, e.ParkId }).ToListAsync(ct);
        var sources = await db.Sources.AsNoTracking()
            .Select(s => new CheckSource(s.Id, s.Code, s.Title, s.PublishedOn, s.AsOf, s.Text != null)).ToListAsync(ct);
        var declared = await db.Relationships.AsNoTracking()
            .Select(r => new CheckRelationship(r.Kind, r.IndicatorId, r.PartIndicatorId, r.BaseIndicatorId, r.BaseParkId, r.BaseOnParent,
                r.CreatedBy == null ? RelationshipOrigin.Seed : RelationshipOrigin.Admin, r.Note, r.Id, r.CreatedBy)).ToListAsync(ct);
        var checkIndicators = indicators.ToDictionary(i => i.Id, i => new CheckIndicator(i.Id, i.Code, i.NameZh, i.NameEn, i.UnitCode,
            factors.GetValueOrDefault(i.UnitCode, 1), dimensions.GetValueOrDefault(i.UnitCode, ""), i.Measure, i.Aggregation, i.BaseIndicatorId));
        return new CheckCatalog
        {
            Indicators = checkIndicators,
            Parks = parks.ToDictionary(p => p.Id),
            Enterprises = enterprises.ToDictionary(e => e.Id, e => (e.Name, e.ParkId)),
            Sources = sources.ToDictionary(s => s.Id),
            UnitFactors = factors,
            Relationships = WithDerived(declared, checkIndicators.Values),
        };
    }

    /// <summary>The seed's catalog with ids in file order (1, 2, …), for checks on the seed files or on rows without a database.</summary>
    public static CheckCatalog From(SeedSet seed)
    {
        var factors = UnitFactorsOf(seed.Units.Select(u => (u.Code, (double)u.Factor, u.Aliases)));
        var dimensions = seed.Units.ToDictionary(u => u.Code, u => u.Dimension);
        var indicatorIds = seed.Indicators.Select((i, n) => (i.Code, Id: n + 1)).ToDictionary(p => p.Code, p => p.Id);
        var parkIds = seed.Parks.Select((p, n) => (p.Code, Id: n + 1)).ToDictionary(p => p.Code, p => p.Id);
        var indicators = seed.Indicators.ToDictionary(i => indicatorIds[i.Code], i => new CheckIndicator(indicatorIds[i.Code], i.Code, i.NameZh, i.NameEn,
            i.Unit, factors.GetValueOrDefault(i.Unit, 1), dimensions.GetValueOrDefault(i.Unit, ""), i.Measure, i.Aggregation,
            i.Base is null ? null : indicatorIds[i.Base]));
        var declared = seed.Relationships.Select(r => new CheckRelationship(r.Kind, indicatorIds[r.Indicator], r.Part is null ? null : indicatorIds[r.Part],
            r.Base is null ? null : indicatorIds[r.Base], r.BasePark is null or RelationshipRow.ParentPark ? null : parkIds[r.BasePark],
            r.BasePark == RelationshipRow.ParentPark, RelationshipOrigin.Seed, r.Note)).ToList();
        return new CheckCatalog
        {
            Indicators = indicators,
            Parks = seed.Parks.ToDictionary(p => parkIds[p.Code], p => new CheckPark(parkIds[p.Code], p.Code, p.NameZh, p.NameEn, p.Kind,
                p.Parent is null ? null : parkIds[p.Parent])),
            Enterprises = seed.Enterprises.Select((e, n) => (Id: n + 1, e)).ToDictionary(p => p.Id, p => (p.e.Name, parkIds[p.e.Park])),
            Sources = seed.Sources.Select((s, n) => new CheckSource(n + 1, s.Code, s.Title, s.PublishedOn, s.AsOf, s.Text is not null)).ToDictionary(s => s.Id),
            UnitFactors = factors,
            Relationships = WithDerived(declared, indicators.Values),
        };
    }

    /// <summary>The declared relationships, and a growth relationship for each growth rate whose catalog entry names its level.</summary>
    private static List<CheckRelationship> WithDerived(List<CheckRelationship> declared, IEnumerable<CheckIndicator> indicators)
    {
        var all = new List<CheckRelationship>(declared);
        foreach (var i in indicators.OrderBy(i => i.Id))
            if (i.Measure == MeasureKind.GrowthRate && i.BaseId is { } level
                && !declared.Any(r => r.Kind == RelationshipKind.Growth && r.IndicatorId == i.Id && r.PartId == level))
                all.Add(new CheckRelationship(RelationshipKind.Growth, i.Id, level, null, null, false, RelationshipOrigin.Catalog));
        return all;
    }

    private static Dictionary<string, double> UnitFactorsOf(IEnumerable<(string Code, double Factor, IReadOnlyList<string> Aliases)> units)
    {
        var list = units.ToList();
        var factors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (_, factor, aliases) in list)
            foreach (var alias in aliases) factors.TryAdd(alias, factor);
        foreach (var (code, factor, _) in list) factors[code] = factor;
        return factors;
    }
}
