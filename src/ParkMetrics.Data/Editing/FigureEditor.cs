using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Editing;

/// <summary>One indicator's line in the yearly entry grid: last year's figure beside this year's.</summary>
public sealed record EntryRow(int IndicatorId, string IndicatorCode, string NameZh, string NameEn, string Category, string Unit, MeasureKind Measure,
    decimal? Previous, Qualifier? PreviousQualifier, long? ObservationId, uint? Version, decimal? Value, Qualifier Qualifier, string? Note,
    int? SourceId, string? EnteredBy);

public sealed record SourceOption(int Id, string Code, string Title);

public sealed record EntryGrid(string ParkCode, int Year, IReadOnlyList<EntryRow> Rows, IReadOnlyList<SourceOption> Sources, int StatisticsOfficeSourceId);

/// <summary>What the admin typed for one indicator. A null value on an existing figure deletes it (softly).</summary>
public sealed record EntryChange(int IndicatorId, long? ObservationId, uint? Version, decimal? Value, Qualifier Qualifier, string? Note, int SourceId, string? Reason);

/// <summary>Someone saved the same figure first: both values, so that nothing is overwritten unseen.</summary>
public sealed record EntryConflict(int IndicatorId, decimal? Yours, decimal? Theirs, string? TheirsBy);

public sealed record SaveOutcome(int Inserted, int Updated, int Deleted, IReadOnlyList<EntryConflict> Conflicts)
{
    public bool Saved => Conflicts.Count == 0;
}

/// <summary>
/// Yearly figures typed by admins: a grid per park and year, saved in one transaction with an audit entry per change.
/// Each figure carries the row version (xmin) it was read with; a save that finds another version refuses the whole grid.
/// </summary>
public sealed class FigureEditor(IDbContextFactory<ParkMetricsDbContext> contexts)
{
    public const string StatisticsOfficeCode = "statistics-office";

    /// <summary>Indicators offered every year: the headline ones and any indicator some park reports by year.</summary>
    public static readonly IReadOnlyList<string> AlwaysOffered =
    [
        "industrial_output_above_scale", "industrial_output_above_scale_growth", "industrial_value_added_above_scale_growth", "fixed_asset_investment",
        "fixed_asset_investment_growth", "industrial_investment", "fiscal_budget_revenue", "tax_revenue", "exports", "import_export",
        "industrial_enterprises_above_scale", "market_entities",
    ];

    public async Task<EntryGrid> LoadAsync(string parkCode, int year, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var statisticsOffice = await StatisticsOfficeAsync(db, ct);
        var park = await db.Parks.SingleAsync(p => p.Code == parkCode, ct);
        var yearly = db.Observations.Where(o => o.PeriodKind == PeriodKind.Year).Select(o => o.IndicatorId);
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => AlwaysOffered.Contains(i.Code) || yearly.Contains(i.Id))
            .OrderBy(i => i.Category).ThenBy(i => i.Code).ToListAsync(ct);
        var figures = await db.Observations.AsNoTracking()
            .Where(o => o.ParkId == park.Id && o.EnterpriseId == null && o.PeriodKind == PeriodKind.Year
                && (o.PeriodStart == new DateOnly(year, 1, 1) || o.PeriodStart == new DateOnly(year - 1, 1, 1)))
            .ToListAsync(ct);
        var rows = indicators.Select(i =>
        {
            var previous = Preferred(figures.Where(o => o.IndicatorId == i.Id && o.PeriodStart.Year == year - 1));
            var current = Preferred(figures.Where(o => o.IndicatorId == i.Id && o.PeriodStart.Year == year));
            return new EntryRow(i.Id, i.Code, i.NameZh, i.NameEn, i.Category, i.UnitCode, i.Measure, previous?.Value, previous?.Qualifier,
                current?.Id, current?.Version, current?.Value, current?.Qualifier ?? Qualifier.Exact, current?.Note, current?.SourceId, current?.EnteredBy);
        }).ToList();
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Code == StatisticsOfficeCode ? 0 : 1).ThenByDescending(s => s.AsOf)
            .Select(s => new SourceOption(s.Id, s.Code, s.Title)).ToListAsync(ct);
        return new EntryGrid(parkCode, year, rows, sources, statisticsOffice.Id);
    }

    /// <summary>Of several figures for one indicator and year (from different sources), the one an admin entered, else the latest.</summary>
    private static Observation? Preferred(IEnumerable<Observation> figures) =>
        figures.OrderBy(o => o.EnteredBy is null ? 1 : 0).ThenByDescending(o => o.Id).FirstOrDefault();

    public async Task<SaveOutcome> SaveAsync(string parkCode, int year, IReadOnlyList<EntryChange> changes, string user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var park = await db.Parks.SingleAsync(p => p.Code == parkCode, ct);
        var plan = await db.PlanPeriods.FirstOrDefaultAsync(p => p.StartYear <= year && year <= p.EndYear, ct);
        var now = DateTimeOffset.UtcNow;
        var start = new DateOnly(year, 1, 1);
        var conflicts = new List<EntryConflict>();
        var audits = new List<(Observation Figure, AuditAction Action, string? Before, string? Reason)>();
        int inserted = 0, updated = 0, deleted = 0;

        foreach (var change in changes)
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Id == change.IndicatorId, ct);
            var source = await db.Sources.SingleAsync(s => s.Id == change.SourceId, ct);
            if (change.ObservationId is null)
            {
                if (change.Value is null) continue;
                var theirs = await LiveYearFigureAsync(db, park.Id, indicator.Id, start, ct);
                if (theirs is not null)
                {
                    conflicts.Add(new(indicator.Id, change.Value, theirs.Value, theirs.EnteredBy ?? theirs.Source.Title));
                    continue;
                }
                // A figure deleted earlier keeps its key: typing a value again brings it back with the new value.
                var revived = await db.Observations.IgnoreQueryFilters()
                    .Include(o => o.Park).Include(o => o.Indicator).Include(o => o.Source).Include(o => o.Enterprise)
                    .FirstOrDefaultAsync(o => o.ParkId == park.Id && o.EnterpriseId == null && o.IndicatorId == indicator.Id
                        && o.PeriodKind == PeriodKind.Year && o.PeriodStart == start && o.SourceId == source.Id && o.DeletedAt != null, ct);
                if (revived is not null)
                {
                    var was = Audit.Snapshot(revived);
                    (revived.DeletedAt, revived.DeletedBy, revived.EnteredBy) = (null, null, user);
                    (revived.Value, revived.ReportedValue, revived.ReportedUnit, revived.Qualifier, revived.Note) =
                        (change.Value.Value, change.Value.Value, indicator.UnitCode, change.Qualifier, change.Note);
                    audits.Add((revived, AuditAction.Restore, was, change.Reason));
                    inserted++;
                    continue;
                }
                var figure = new Observation
                {
                    Park = park, Indicator = indicator, PeriodKind = PeriodKind.Year, PeriodStart = start, PeriodEnd = new DateOnly(year, 12, 31),
                    PlanPeriod = plan, Value = change.Value.Value, ReportedValue = change.Value.Value, ReportedUnit = indicator.UnitCode,
                    Qualifier = change.Qualifier, Source = source, Quote = "", Note = change.Note, EnteredBy = user,
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
            (existing.Value, existing.ReportedValue, existing.ReportedUnit) = (change.Value.Value, change.Value.Value, indicator.UnitCode);
            (existing.Qualifier, existing.Note, existing.Source) = (change.Qualifier, change.Note, source);
            if (Audit.Snapshot(existing) == before) continue;
            existing.EnteredBy = user;
            audits.Add((existing, AuditAction.Update, before, change.Reason));
            updated++;
        }

        if (conflicts.Count > 0) return new SaveOutcome(0, 0, 0, conflicts);
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
            db.AuditEntries.Add(Audit.Entry(Audit.ObservationType, figure.Id, action, user, before, Audit.Snapshot(figure), reason, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
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

    /// <summary>The history of a figure, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(long observationId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == Audit.ObservationType && a.EntityId == observationId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    public sealed record DeletedFigure(long Id, string ParkCode, string IndicatorNameZh, string IndicatorNameEn, PeriodKind PeriodKind, DateOnly Start, DateOnly End,
        decimal Value, string Unit, DateTimeOffset DeletedAt, string? DeletedBy);

    public async Task<IReadOnlyList<DeletedFigure>> DeletedAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Observations.IgnoreQueryFilters().AsNoTracking().Where(o => o.DeletedAt != null)
            .OrderByDescending(o => o.DeletedAt)
            .Select(o => new DeletedFigure(o.Id, o.Park.Code, o.Indicator.NameZh, o.Indicator.NameEn, o.PeriodKind, o.PeriodStart, o.PeriodEnd,
                o.ReportedValue, o.ReportedUnit, o.DeletedAt!.Value, o.DeletedBy))
            .ToListAsync(ct);
    }

    /// <summary>Brings a deleted figure back, unless a figure with its key was entered meanwhile.</summary>
    public async Task<bool> RestoreAsync(long observationId, string user, string? reason, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var figure = await db.Observations.IgnoreQueryFilters().Include(o => o.Park).Include(o => o.Indicator).Include(o => o.Source).Include(o => o.Enterprise)
            .SingleOrDefaultAsync(o => o.Id == observationId && o.DeletedAt != null, ct);
        if (figure is null) return false;
        var before = Audit.Snapshot(figure);
        figure.DeletedAt = null;
        figure.DeletedBy = null;
        db.AuditEntries.Add(Audit.Entry(Audit.ObservationType, figure.Id, AuditAction.Restore, user, before, Audit.Snapshot(figure), reason, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<Source> StatisticsOfficeAsync(ParkMetricsDbContext db, CancellationToken ct)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Code == StatisticsOfficeCode, ct);
        if (source is not null) return source;
        source = new Source
        {
            Code = StatisticsOfficeCode, Kind = SourceKind.StatisticsOfficeData, Title = "统计部门数据（管理员录入）", Outlet = "统计部门",
            AsOf = DateOnly.FromDateTime(DateTime.UtcNow), DateNote = "由管理员在“年度数据录入”中逐项录入，每项的修改记录可在数据来源中查看。",
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync(ct);
        return source;
    }
}
