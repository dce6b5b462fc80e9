using System.Text.Json;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Editing;

/// <summary>
/// The history of every change: one entry per change, in the same transaction as the change, the record as JSON before
/// and after. Figures and enterprises are snapshot here; the catalog and accounts snapshot theirs beside their editors.
/// </summary>
public static class Audit
{
    public const string ObservationType = "observation";
    public const string EnterpriseType = "enterprise";

    /// <summary>The length of <see cref="AuditEntry.Reason"/>'s column: an admin's reason may be no longer.</summary>
    public const int MaxReason = 500;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A snapshot as JSON, Chinese left readable.</summary>
    public static string Serialize(object snapshot) => JsonSerializer.Serialize(snapshot, Json);

    /// <summary>
    /// What an admin sees of a figure in its history, its source named by code. The bulk import builds the same object
    /// in SQL (<c>Writing/FigureWriter.Import.cs</c>): a field added here goes there too.
    /// </summary>
    public static string Snapshot(Observation o) => Serialize(new
    {
        park = o.Park?.Code,
        enterprise = o.Enterprise?.Name,
        indicator = o.Indicator?.Code,
        periodKind = EnumCode.Of(o.PeriodKind),
        start = o.PeriodStart,
        end = o.PeriodEnd,
        value = o.Value,
        reportedValue = o.ReportedValue,
        reportedUnit = o.ReportedUnit,
        qualifier = EnumCode.Of(o.Qualifier),
        source = o.Source?.Code,
        quote = o.Quote,
        note = o.Note,
        deleted = o.DeletedAt is not null,
    });

    public static string Snapshot(Enterprise e) => Serialize(new
    {
        name = e.Name,
        park = e.Park?.Code,
        sector = e.Sector,
        aliases = e.Aliases,
        designations = e.Designations,
    });

    /// <param name="key">The code of an entity keyed by code rather than a number (a unit, an account).</param>
    public static AuditEntry Entry(string type, long id, AuditAction action, string user, string? before, string? after, string? reason, DateTimeOffset at,
        string? key = null) =>
        new() { EntityType = type, EntityId = id, EntityKey = key, Action = action, UserName = user, Before = before, After = after, Reason = reason, At = at };
}
