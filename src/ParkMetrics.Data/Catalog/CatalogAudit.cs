using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Catalog;

/// <summary>
/// The history of sources, indicators, units and parks: one audit entry per create, update, retire or delete, with the
/// record as JSON before and after, written in the same transaction as the change.
/// </summary>
public static class CatalogAudit
{
    public const string SourceType = "source";
    public const string IndicatorType = "indicator";
    public const string UnitType = "unit";
    public const string ParkType = "park";

    /// <summary>A source, with its whole text: an edit of the text must be traceable to what the text said before.</summary>
    public static string Snapshot(Source s) => Audit.Serialize(new
    {
        code = s.Code,
        kind = EnumCode.Of(s.Kind),
        title = s.Title,
        outlet = s.Outlet,
        publishedOn = s.PublishedOn,
        asOf = s.AsOf,
        dateNote = s.DateNote,
        url = s.Url,
        text = s.Text,
        retired = s.RetiredAt is not null,
    });

    public static string Snapshot(Indicator i) => Audit.Serialize(new
    {
        code = i.Code,
        nameZh = i.NameZh,
        nameEn = i.NameEn,
        category = i.Category,
        unit = i.UnitCode,
        measure = EnumCode.Of(i.Measure),
        aggregation = EnumCode.Of(i.Aggregation),
        @base = i.BaseIndicator?.Code,
        aliases = i.Aliases,
    });

    public static string Snapshot(MeasurementUnit u) => Audit.Serialize(new
    {
        code = u.Code,
        dimension = u.Dimension,
        factor = u.Factor,
        aliases = u.Aliases,
    });

    public static string Snapshot(Park p) => Audit.Serialize(new
    {
        code = p.Code,
        nameZh = p.NameZh,
        nameEn = p.NameEn,
        kind = EnumCode.Of(p.Kind),
        parent = p.Parent?.Code,
        aliases = p.Aliases,
    });

    /// <summary>An entry for a change from <paramref name="before"/> to <paramref name="after"/> (null for a create, or for a delete).</summary>
    public static AuditEntry Entry(string type, long id, string? key, string? before, string? after, string user, string? reason, AuditAction? action = null) =>
        Audit.Entry(type, id, action ?? (before is null ? AuditAction.Insert : after is null ? AuditAction.Delete : AuditAction.Update), user, before, after,
            reason, DateTimeOffset.UtcNow, key);
}
