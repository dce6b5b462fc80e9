using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Writing;

public sealed partial class FigureWriter
{
    /// <summary>
    /// Saves a park's yearly grid in one transaction with an audit entry per change. Each figure carries the row version
    /// (xmin) it was read with; a save that finds another version, or a row that breaks a rule, refuses the whole grid.
    /// </summary>
    public async Task<SaveOutcome> SaveEntriesAsync(string parkCode, int year, IReadOnlyList<EntryChange> changes, string user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var park = await db.Parks.SingleAsync(p => p.Code == parkCode, ct);
        var plan = await db.PlanPeriods.FirstOrDefaultAsync(p => p.StartYear <= year && year <= p.EndYear, ct);
        var now = DateTimeOffset.UtcNow;
        var start = new DateOnly(year, 1, 1);
        var conflicts = new List<EntryConflict>();
        var errors = new List<EntryError>();
        var audits = new List<(Observation Figure, AuditAction Action, string? Before, string? Reason)>();
        int inserted = 0, updated = 0, deleted = 0;

        foreach (var change in changes)
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Id == change.IndicatorId, ct);
            var source = await db.Sources.SingleAsync(s => s.Id == change.SourceId, ct);
            bool Breaks(string quote, bool isNew)
            {
                var problem = quote.Length > SeedSet.MaxQuoteLength ? Reason.QuoteTooLong(SeedSet.MaxQuoteLength)
                    : FigureRules.Check(quote, source, isNew)?.Reason;
                if (problem is not null) errors.Add(new EntryError(indicator.Id, Reason.OfIndicator(indicator, problem)));
                return problem is not null;
            }
            if (change.ObservationId is null)
            {
                if (change.Value is null) continue;
                var theirs = await LiveYearFigureAsync(db, park.Id, indicator.Id, start, ct);
                if (theirs is not null)
                {
                    conflicts.Add(new(indicator.Id, change.Value, theirs.Value, theirs.EnteredBy ?? theirs.Source.Title));
                    continue;
                }
                var quote = change.Quote?.Trim() ?? "";
                // A figure deleted earlier keeps its key: typing a value again brings it back with the new value.
                var revived = await db.Observations.IgnoreQueryFilters()
                    .Include(o => o.Park).Include(o => o.Indicator).Include(o => o.Source).Include(o => o.Enterprise)
                    .SingleOrDefaultAsync(o => o.ParkId == park.Id && o.EnterpriseId == null && o.IndicatorId == indicator.Id
                        && o.PeriodKind == PeriodKind.Year && o.PeriodStart == start && o.SourceId == source.Id && o.DeletedAt != null, ct);
                if (Breaks(quote, isNew: revived is null)) continue;
                if (revived is not null)
                {
                    var was = Audit.Snapshot(revived);
                    (revived.DeletedAt, revived.DeletedBy, revived.EnteredBy) = (null, null, user);
                    (revived.Value, revived.ReportedValue, revived.ReportedUnit, revived.Qualifier, revived.Note, revived.Quote) =
                        (change.Value.Value, change.Value.Value, indicator.UnitCode, change.Qualifier, change.Note, quote);
                    audits.Add((revived, AuditAction.Restore, was, change.Reason));
                    inserted++;
                    continue;
                }
                var figure = new Observation
                {
                    Park = park, Indicator = indicator, PeriodKind = PeriodKind.Year, PeriodStart = start, PeriodEnd = new DateOnly(year, 12, 31),
                    PlanPeriod = plan, Value = change.Value.Value, ReportedValue = change.Value.Value, ReportedUnit = indicator.UnitCode,
                    Qualifier = change.Qualifier, Source = source, Quote = quote, Note = change.Note, EnteredBy = user,
                };
                db.Observations.Add(figure);
                audits.Add((figure, AuditAction.Insert, null, change.Reason));
                inserted++;
                continue;
            }

            var existing = await db.Observations.IgnoreQueryFilters()
                .Include(o => o.Park).Include(o => o.Indicator).Include(o => o.Source).Include(o => o.Enterprise)
                .SingleOrDefaultAsync(o => o.Id == change.ObservationId, ct);
            if (existing is null || existing.Version != change.Version || existing.DeletedAt is not null)
            {
                conflicts.Add(new(change.IndicatorId, change.Value, existing?.DeletedAt is null ? existing?.Value : null, existing?.EnteredBy ?? existing?.DeletedBy));
                continue;
            }
            var before = Audit.Snapshot(existing);
            // Guards the save itself: a change committed between this read and the update still fails.
            db.Entry(existing).Property(o => o.Version).OriginalValue = change.Version!.Value;
            if (change.Value is null)
            {
                existing.DeletedAt = now;
                existing.DeletedBy = user;
                audits.Add((existing, AuditAction.Delete, before, change.Reason));
                deleted++;
                continue;
            }
            var newQuote = change.Quote?.Trim() ?? existing.Quote;
            if (Breaks(newQuote, isNew: source.Id != existing.SourceId)) continue;
            (existing.Value, existing.ReportedValue, existing.ReportedUnit) = (change.Value.Value, change.Value.Value, indicator.UnitCode);
            (existing.Qualifier, existing.Note, existing.Source, existing.Quote) = (change.Qualifier, change.Note, source, newQuote);
            if (Audit.Snapshot(existing) == before) continue;
            existing.EnteredBy = user;
            audits.Add((existing, AuditAction.Update, before, change.Reason));
            updated++;
        }

        if (conflicts.Count > 0 || errors.Count > 0) return new SaveOutcome(0, 0, 0, conflicts) { Errors = errors };
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            return new SaveOutcome(0, 0, 0, [.. e.Entries.Select(x => x.Entity).OfType<Observation>()
                .Select(o => new EntryConflict(o.IndicatorId, o.Value, null, null))]);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another admin entered the same new figure between our check and our insert.
            await tx.RollbackAsync(ct);
            return new SaveOutcome(0, 0, 0, await InsertConflictsAsync(park.Id, start, [.. audits.Where(a => a.Action == AuditAction.Insert).Select(a => a.Figure)], ct));
        }
        foreach (var (figure, action, before, reason) in audits)
            db.AuditEntries.Add(Audit.Entry(Audit.ObservationType, figure.Id, action, user, before, Audit.Snapshot(figure),
                FigureRules.AuditReason(WriteOrigin.Entry, null, reason, []), now));
        await db.SaveChangesAsync(ct);
        await CommitAsync(tx, ct);
        return new SaveOutcome(inserted, updated, deleted, []);
    }

    /// <summary>The park's own figure of an indicator for the year starting at <paramref name="start"/>, unless deleted.</summary>
    private static Task<Observation?> LiveYearFigureAsync(ParkMetricsDbContext db, int parkId, int indicatorId, DateOnly start, CancellationToken ct) =>
        db.Observations.Include(o => o.Source).FirstOrDefaultAsync(o => o.ParkId == parkId && o.EnterpriseId == null
            && o.IndicatorId == indicatorId && o.PeriodKind == PeriodKind.Year && o.PeriodStart == start, ct);

    /// <summary>The new figures someone else has saved meanwhile, with their values, read after the failed save.</summary>
    private async Task<IReadOnlyList<EntryConflict>> InsertConflictsAsync(int parkId, DateOnly start, IReadOnlyList<Observation> inserts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var conflicts = new List<EntryConflict>();
        foreach (var mine in inserts)
        {
            var theirs = await LiveYearFigureAsync(db, parkId, mine.IndicatorId, start, ct);
            if (theirs is not null) conflicts.Add(new(mine.IndicatorId, mine.Value, theirs.Value, theirs.EnteredBy ?? theirs.Source.Title));
        }
        return conflicts.Count > 0 ? conflicts : [.. inserts.Select(o => new EntryConflict(o.IndicatorId, o.Value, null, null))];
    }

    /// <summary>Brings a deleted figure back, with an audit entry; refused when its quote no longer stands in its source's text.</summary>
    public async Task<RestoreResult> RestoreAsync(long observationId, string user, string? reason, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var figure = await db.Observations.IgnoreQueryFilters().Include(o => o.Park).Include(o => o.Indicator).Include(o => o.Source).Include(o => o.Enterprise)
            .SingleOrDefaultAsync(o => o.Id == observationId && o.DeletedAt != null, ct);
        if (figure is null) return new(false);
        if (FigureRules.Check(figure.Quote, figure.Source, isNew: false) is { } problem) return new(false, Reason.OfIndicator(figure.Indicator, problem.Reason));
        var before = Audit.Snapshot(figure);
        (figure.DeletedAt, figure.DeletedBy) = (null, null);
        db.AuditEntries.Add(Audit.Entry(Audit.ObservationType, figure.Id, AuditAction.Restore, user, before, Audit.Snapshot(figure),
            FigureRules.AuditReason(WriteOrigin.Restore, null, reason, []), DateTimeOffset.UtcNow));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false); // restored by someone else meanwhile
        }
        await CommitAsync(tx, ct);
        return new(true);
    }
}
