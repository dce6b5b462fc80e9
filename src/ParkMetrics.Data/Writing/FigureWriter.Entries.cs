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
            if (TooLong(change) is { } tooLong)
            {
                errors.Add(new EntryError(indicator.Id, Reason.OfIndicator(indicator, tooLong)));
                continue;
            }
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
            if (source.Id != existing.SourceId && await KeyHolderAsync(db, existing, source.Id, ct) is { } holder)
            {
                // Another figure, perhaps deleted, holds this key: the update would break the unique key.
                if (holder.DeletedAt is null) conflicts.Add(new(indicator.Id, change.Value, holder.Value, holder.EnteredBy ?? source.Title));
                else errors.Add(new EntryError(indicator.Id, Reason.OfIndicator(indicator, Reason.KeyHeldByDeleted(source.Code, holder.ReportedValue, holder.ReportedUnit))));
                continue;
            }
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
            // Another admin entered the same figure between our check and our save: nothing was saved, and it is said so.
            await tx.RollbackAsync(ct);
            return new SaveOutcome(0, 0, 0, await KeyConflictsAsync(park.Id, start, [.. audits.Select(a => a.Figure)], ct));
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

    /// <summary>
    /// The figures someone else has saved meanwhile under the keys of ours, with their values, read after the failed
    /// save; where none is found, every figure of the save, so that a refused save never reads as saved.
    /// </summary>
    private async Task<IReadOnlyList<EntryConflict>> KeyConflictsAsync(int parkId, DateOnly start, IReadOnlyList<Observation> mine, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var conflicts = new List<EntryConflict>();
        foreach (var figure in mine.Where(o => o.Id == 0))
        {
            var theirs = await LiveYearFigureAsync(db, parkId, figure.IndicatorId, start, ct);
            if (theirs is not null) conflicts.Add(new(figure.IndicatorId, figure.Value, theirs.Value, theirs.EnteredBy ?? theirs.Source.Title));
        }
        return conflicts.Count > 0 ? conflicts : [.. mine.Select(o => new EntryConflict(o.IndicatorId, o.Value, null, null))];
    }

    /// <summary>Another figure (deleted or not) with <paramref name="figure"/>'s key under source <paramref name="sourceId"/>.</summary>
    private static Task<Observation?> KeyHolderAsync(ParkMetricsDbContext db, Observation figure, int sourceId, CancellationToken ct) =>
        db.Observations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id != figure.Id && o.ParkId == figure.ParkId
            && o.EnterpriseId == figure.EnterpriseId && o.IndicatorId == figure.IndicatorId && o.PeriodKind == figure.PeriodKind
            && o.PeriodStart == figure.PeriodStart && o.PeriodEnd == figure.PeriodEnd && o.SourceId == sourceId, ct);

    /// <summary>Why a change's typed text cannot be stored: a note or a reason longer than its column.</summary>
    private static string? TooLong(EntryChange change) =>
        change.Reason?.Trim().Length > Audit.MaxReason ? Reason.TooLong("原因", "reason", Audit.MaxReason, change.Reason.Trim().Length)
        : change.Note?.Length > MaxNote ? Reason.TooLong("备注", "note", MaxNote, change.Note.Length)
        : null;

    /// <summary>The length of <see cref="Observation.Note"/>'s column.</summary>
    private const int MaxNote = 500;

    /// <summary>
    /// Brings a deleted figure back, with an audit entry and the admin's reason (required, at most 500 characters);
    /// refused when its quote no longer stands in its source's text, or when someone else restored it first.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(long observationId, string user, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return new(false, Reason.RestoreReasonRequired);
        if (reason.Length > Audit.MaxReason) return new(false, Reason.TooLong("原因", "reason", Audit.MaxReason, reason.Length));
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var figure = await db.Observations.IgnoreQueryFilters().Include(o => o.Park).Include(o => o.Indicator).Include(o => o.Source).Include(o => o.Enterprise)
            .SingleOrDefaultAsync(o => o.Id == observationId, ct);
        if (figure is null) return new(false, Reason.FigureGone);
        if (figure.DeletedAt is null) return new(false, Reason.AlreadyRestored);
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
            return new(false, Reason.AlreadyRestored); // by someone else, between our read and our save
        }
        await CommitAsync(tx, ct);
        return new(true);
    }
}
