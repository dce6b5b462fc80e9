using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Writing;

/// <summary>
/// The one writer of figures. Seed, bulk import, upload, import API, entry grid, restore and intake all write through it,
/// with one natural key (<see cref="FigureKey"/>) and one set of rules (<see cref="FigureRules"/>): a quote stands in its
/// source's text where that is known; a retired source takes no new figures; a seed or a bulk import keeps a figure an
/// admin entered, corrected or deleted, and says so; every change gets an audit entry naming its source and its origin,
/// in the same transaction; the read cache and the pages cached from it are invalidated after each commit (the console
/// has neither: a running app notices its writes by the data version).
/// </summary>
public sealed partial class FigureWriter(IDbContextFactory<ParkMetricsDbContext> contexts, QueryCache? cache = null)
{
    /// <summary>The user of a write no person asked for: the seed loaded into an empty database at startup.</summary>
    public const string SystemUser = "system";

    /// <summary>
    /// Rows in the seed's columns, already checked against the catalogs (upload, import API, intake): previewed as
    /// inserts, changes and unchanged rows, or applied in one transaction when no row breaks a rule.
    /// </summary>
    public async Task<RowsResult> WriteRowsAsync(IReadOnlyList<ObservationRow> rows, RowsWrite how, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await PlanAsync(db, rows, how.Origin, ct);
        if (batch.Errors.Count > 0) return new RowsResult(batch.Errors, [], Applied: false);
        if (!how.Apply || batch.Figures.All(f => f.Action is FigureAction.Unchanged or FigureAction.Kept))
            return new RowsResult([], batch.Figures, Applied: how.Apply);
        try
        {
            await ApplyAsync(db, batch, how, stale: [], ct);
        }
        catch (DbUpdateException e) when (IsConflict(e))
        {
            return new RowsResult([], batch.Figures, Applied: false, Conflict: true);
        }
        await CommitAsync(tx, ct);
        return new RowsResult([], batch.Figures, Applied: true);
    }

    private sealed record Catalog(Dictionary<string, Park> Parks, Dictionary<string, Enterprise> Enterprises,
        Dictionary<string, Indicator> Indicators, Dictionary<string, Source> Sources, List<PlanPeriod> Plans)
    {
        /// <summary>The row's key, or the first of its codes the database no longer knows (removed since the rows were checked).</summary>
        public (FigureKey? Key, RuleProblem? Missing) KeyOf(ObservationRow r)
        {
            if (!Parks.TryGetValue(r.Park, out var park)) return (null, new("park", Reason.Unknown("park", r.Park, [])));
            Enterprise? enterprise = null;
            if (r.Subject is not null && !Enterprises.TryGetValue(r.Subject, out enterprise)) return (null, new("subject", Reason.Unknown("enterprise", r.Subject, [])));
            if (!Indicators.TryGetValue(r.Indicator, out var indicator)) return (null, new("indicator", Reason.Unknown("indicator", r.Indicator, [])));
            if (!Sources.TryGetValue(r.Source, out var source)) return (null, new("source", Reason.Unknown("source", r.Source, [])));
            return (new FigureKey(park.Id, enterprise?.Id, indicator.Id, r.PeriodKind, r.Start, r.End, source.Id), null);
        }
    }

    private sealed record Batch(IReadOnlyList<SeedError> Errors, IReadOnlyList<PlannedFigure> Figures, Catalog Catalog)
    {
        public int Count(FigureAction action) => Figures.Count(f => f.Action == action);
    }

    /// <summary>
    /// Reads the catalog entries the rows name and the stored figures with their keys (nothing else of the table), checks
    /// the rules, and says what each row would do.
    /// </summary>
    private static async Task<Batch> PlanAsync(ParkMetricsDbContext db, IReadOnlyList<ObservationRow> rows, WriteOrigin origin, CancellationToken ct)
    {
        var catalog = await CatalogOfAsync(db, rows, ct);
        var errors = new SeedErrors();
        var keyed = new List<(ObservationRow Row, FigureKey Key)>(rows.Count);
        foreach (var row in rows)
        {
            var (key, missing) = catalog.KeyOf(row);
            if (key is { } k) keyed.Add((row, k));
            else errors.Add(new SeedError(row.File, row.Line, missing!.Field, missing.Reason));
        }
        var stored = await FigureLookup.FindAsync(db, [.. keyed.Select(k => k.Key)], ct);
        var figures = new List<PlannedFigure>(keyed.Count);
        foreach (var (row, key) in keyed)
        {
            var existing = stored.GetValueOrDefault(key);
            if (FigureRules.Check(row.Quote, catalog.Sources[row.Source], isNew: existing is null) is { } problem)
            {
                errors.Add(new SeedError(row.File, row.Line, problem.Field, problem.Reason));
                continue;
            }
            var action = existing is null ? FigureAction.Insert
                : FigureRules.KeptFrom(origin, existing) ? FigureAction.Kept
                : existing.DeletedAt is null && Same(existing, row) ? FigureAction.Unchanged
                : FigureAction.Change;
            figures.Add(new PlannedFigure(row, action, existing));
        }
        return new Batch(errors, figures, catalog);
    }

    private static async Task<Catalog> CatalogOfAsync(ParkMetricsDbContext db, IReadOnlyList<ObservationRow> rows, CancellationToken ct)
    {
        var parks = rows.Select(r => r.Park).Distinct().ToList();
        var enterprises = rows.Select(r => r.Subject).OfType<string>().Distinct().ToList();
        var indicators = rows.Select(r => r.Indicator).Distinct().ToList();
        var sources = rows.Select(r => r.Source).Distinct().ToList();
        return new Catalog(
            await db.Parks.Where(p => parks.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct),
            await db.Enterprises.Where(e => enterprises.Contains(e.Name)).ToDictionaryAsync(e => e.Name, ct),
            await db.Indicators.Where(i => indicators.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct),
            await db.Sources.Where(s => sources.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct),
            await db.PlanPeriods.ToListAsync(ct));
    }

    private static bool Same(Observation stored, ObservationRow row) =>
        stored.Value == row.Value && stored.ReportedValue == row.ReportedValue && stored.ReportedUnit == row.Unit
        && stored.Qualifier == row.Qualifier && stored.Quote == row.Quote;

    /// <summary>Writes the planned inserts and changes and deletes <paramref name="stale"/>, with an audit entry each.</summary>
    private static async Task ApplyAsync(ParkMetricsDbContext db, Batch batch, RowsWrite how, IReadOnlyList<Observation> stale, CancellationToken ct)
    {
        var c = batch.Catalog;
        var reason = FigureRules.AuditReason(how.Origin, how.File, how.Reason, batch.Figures.Select(f => c.Sources[f.Row.Source].Title));
        var audits = new List<(Observation Figure, AuditAction Action, string? Before)>();
        foreach (var (row, _, existing) in batch.Figures.Where(f => f.Action is FigureAction.Insert or FigureAction.Change))
        {
            var before = existing is null ? null : Audit.Snapshot(existing);
            var action = existing is null ? AuditAction.Insert : existing.DeletedAt is null ? AuditAction.Update : AuditAction.Restore;
            var figure = existing ?? db.Observations.Add(new Observation { ReportedUnit = row.Unit, Quote = row.Quote }).Entity;
            row.ApplyTo(figure, c.Parks[row.Park], row.Subject is null ? null : c.Enterprises[row.Subject], c.Indicators[row.Indicator], c.Sources[row.Source], c.Plans);
            if (FigureRules.ByAdmin(how.Origin)) (figure.DeletedAt, figure.DeletedBy, figure.EnteredBy) = (null, null, how.User);
            audits.Add((figure, action, before));
        }
        foreach (var figure in stale)
        {
            audits.Add((figure, AuditAction.Delete, Audit.Snapshot(figure)));
            db.Observations.Remove(figure);
        }
        await db.SaveChangesAsync(ct);
        var now = DateTimeOffset.UtcNow;
        foreach (var (figure, action, before) in audits)
        {
            var after = action == AuditAction.Delete ? null : Audit.Snapshot(figure);
            db.AuditEntries.Add(Audit.Entry(Audit.ObservationType, figure.Id, action, how.User, before, after, reason, now));
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task CommitAsync(IDbContextTransaction tx, CancellationToken ct)
    {
        await tx.CommitAsync(ct);
        // Committed: the caches must forget the old figures even if the caller has given up meanwhile.
        if (cache is not null) await cache.InvalidateAsync(CancellationToken.None);
    }

    /// <summary>Another write got in first: a figure with the same key was inserted, or the one read was changed.</summary>
    private static bool IsConflict(DbUpdateException e) =>
        e is DbUpdateConcurrencyException
        || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };
}
