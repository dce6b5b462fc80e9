using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Writing;

/// <summary>A figure's natural key: the unique index of <c>Configurations/ObservationConfiguration.cs</c>.</summary>
public readonly record struct FigureKey(int ParkId, int? EnterpriseId, int IndicatorId, PeriodKind PeriodKind, DateOnly Start, DateOnly End, int SourceId)
{
    public static FigureKey Of(Observation o) => new(o.ParkId, o.EnterpriseId, o.IndicatorId, o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.SourceId);
}

/// <summary>Finds the stored figures of some keys without reading the rest of the table.</summary>
internal static class FigureLookup
{
    // Two halves so that every condition can use the unique index: a park's own figure has no enterprise, and
    // "IS NOT DISTINCT FROM" cannot use an index. xmin is the row version, which "o.*" leaves out.
    private const string Sql = """
        SELECT o.*, o.xmin FROM "Observations" o
        JOIN unnest(@pk_park, @pk_indicator, @pk_kind, @pk_start, @pk_end, @pk_source) AS k(park, indicator, kind, start_on, end_on, source)
          ON o."ParkId" = k.park AND o."EnterpriseId" IS NULL AND o."IndicatorId" = k.indicator AND o."PeriodKind" = k.kind
         AND o."PeriodStart" = k.start_on AND o."PeriodEnd" = k.end_on AND o."SourceId" = k.source
        UNION ALL
        SELECT o.*, o.xmin FROM "Observations" o
        JOIN unnest(@ek_park, @ek_enterprise, @ek_indicator, @ek_kind, @ek_start, @ek_end, @ek_source) AS k(park, enterprise, indicator, kind, start_on, end_on, source)
          ON o."ParkId" = k.park AND o."EnterpriseId" = k.enterprise AND o."IndicatorId" = k.indicator AND o."PeriodKind" = k.kind
         AND o."PeriodStart" = k.start_on AND o."PeriodEnd" = k.end_on AND o."SourceId" = k.source
        """;

    /// <summary>The stored figures (deleted ones too) with one of <paramref name="keys"/>, tracked by <paramref name="db"/>.</summary>
    public static async Task<Dictionary<FigureKey, Observation>> FindAsync(ParkMetricsDbContext db, IReadOnlyCollection<FigureKey> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        var park = keys.Where(k => k.EnterpriseId is null).ToList();
        var enterprise = keys.Where(k => k.EnterpriseId is not null).ToList();
        object[] parameters =
        [
            Array("pk_park", park.Select(k => k.ParkId)), Array("pk_indicator", park.Select(k => k.IndicatorId)),
            Array("pk_kind", park.Select(k => EnumCode.Of(k.PeriodKind))), Array("pk_start", park.Select(k => k.Start)),
            Array("pk_end", park.Select(k => k.End)), Array("pk_source", park.Select(k => k.SourceId)),
            Array("ek_park", enterprise.Select(k => k.ParkId)), Array("ek_enterprise", enterprise.Select(k => k.EnterpriseId!.Value)),
            Array("ek_indicator", enterprise.Select(k => k.IndicatorId)), Array("ek_kind", enterprise.Select(k => EnumCode.Of(k.PeriodKind))),
            Array("ek_start", enterprise.Select(k => k.Start)), Array("ek_end", enterprise.Select(k => k.End)),
            Array("ek_source", enterprise.Select(k => k.SourceId)),
        ];
        var found = await db.Observations.FromSqlRaw(Sql, parameters).IgnoreQueryFilters().ToListAsync(ct);
        return found.ToDictionary(FigureKey.Of);
    }

    private static NpgsqlParameter Array<T>(string name, IEnumerable<T> values) => new(name, values.ToArray());
}
