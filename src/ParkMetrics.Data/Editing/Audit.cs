using System.Text.Json;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Editing;

/// <summary>Writes the history of figures and enterprises: one entry per change, in the same transaction as the change.</summary>
public static class Audit
{
    public const string ObservationType = "observation";
    public const string EnterpriseType = "enterprise";

    /// <summary>The length of <see cref="AuditEntry.Reason"/>'s column: an admin's reason may be no longer.</summary>
    public const int MaxReason = 500;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// What an admin sees of a figure in its history, its source named by code. The bulk import builds the same object
    /// in SQL (<c>Writing/FigureWriter.Import.cs</c>): a field added here goes there too.
    /// </summary>
    public static string Snapshot(Observation o) => JsonSerializer.Serialize(new
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
    }, Json);

    public static string Snapshot(Enterprise e) => JsonSerializer.Serialize(new
    {
        name = e.Name,
        park = e.Park?.Code,
        sector = e.Sector,
        aliases = e.Aliases,
        designations = e.Designations,
    }, Json);

    public static AuditEntry Entry(string type, long id, AuditAction action, string user, string? before, string? after, string? reason, DateTimeOffset at) =>
        new() { EntityType = type, EntityId = id, Action = action, UserName = user, Before = before, After = after, Reason = reason, At = at };
}
