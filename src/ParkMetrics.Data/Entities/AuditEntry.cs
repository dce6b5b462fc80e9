namespace ParkMetrics.Data.Entities;

public enum AuditAction { Insert, Update, Delete, Restore }

/// <summary>One change to a figure or a catalog entry by a person: who, when, the record before and after, and why.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary><c>observation</c>, <c>enterprise</c>, <c>source</c>, <c>indicator</c>, <c>unit</c> or <c>park</c>.</summary>
    public required string EntityType { get; set; }
    public long EntityId { get; set; }
    /// <summary>The code of an entity keyed by its code rather than a number (a unit).</summary>
    public string? EntityKey { get; set; }
    public AuditAction Action { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    /// <summary>The record as JSON before the change (null for an insert).</summary>
    public string? Before { get; set; }
    /// <summary>The record as JSON after the change.</summary>
    public string? After { get; set; }
    public string? Reason { get; set; }
}
