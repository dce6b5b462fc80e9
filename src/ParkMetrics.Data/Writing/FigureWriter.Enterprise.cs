using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Writing;

public sealed partial class FigureWriter
{
    /// <summary>
    /// Moves the figures of <paramref name="enterprise"/> (deleted ones too) to the park it now belongs to, within the
    /// caller's transaction, with an audit entry per figure that names the move; the caller saves and commits.
    /// </summary>
    internal static async Task MoveEnterpriseFiguresAsync(ParkMetricsDbContext db, Enterprise enterprise, string user, string? reason, DateTimeOffset now,
        CancellationToken ct)
    {
        var park = enterprise.Park;
        var figures = await db.Observations.IgnoreQueryFilters().Include(o => o.Park).Include(o => o.Indicator).Include(o => o.Source)
            .Where(o => o.EnterpriseId == enterprise.Id && o.ParkId != park.Id).ToListAsync(ct);
        if (figures.Count == 0) return;
        var before = figures.Select(Audit.Snapshot).ToList();
        foreach (var figure in figures) figure.Park = park;
        await db.SaveChangesAsync(ct);
        var why = FigureRules.AuditReason(WriteOrigin.Move, enterprise.Name + " → " + park.Code, reason, []);
        for (var i = 0; i < figures.Count; i++)
            db.AuditEntries.Add(Audit.Entry(Audit.ObservationType, figures[i].Id, AuditAction.Update, user, before[i], Audit.Snapshot(figures[i]), why, now));
    }
}
