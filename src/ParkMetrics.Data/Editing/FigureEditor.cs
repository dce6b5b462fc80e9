using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Writing;

namespace ParkMetrics.Data.Editing;

/// <summary>One indicator's line in the yearly entry grid: last year's figure beside this year's.</summary>
public sealed record EntryRow(int IndicatorId, string IndicatorCode, string NameZh, string NameEn, string Category, string Unit, MeasureKind Measure,
    decimal? Previous, Qualifier? PreviousQualifier, long? ObservationId, uint? Version, decimal? Value, Qualifier Qualifier, string? Note,
    int? SourceId, string? EnteredBy, string? Quote = null);

/// <param name="HasText">The source's text is known: a figure from it needs a quote that stands in it.</param>
public sealed record SourceOption(int Id, string Code, string Title, bool HasText = false);

public sealed record EntryGrid(string ParkCode, int Year, IReadOnlyList<EntryRow> Rows, IReadOnlyList<SourceOption> Sources, int StatisticsOfficeSourceId);

/// <summary>
/// What the admin typed for one indicator. A null value on an existing figure deletes it (softly). A null quote keeps the
/// figure's quote (none for a new one).
/// </summary>
public sealed record EntryChange(int IndicatorId, long? ObservationId, uint? Version, decimal? Value, Qualifier Qualifier, string? Note, int SourceId,
    string? Reason, string? Quote = null);

/// <summary>Someone saved the same figure first: both values, so that nothing is overwritten unseen.</summary>
public sealed record EntryConflict(int IndicatorId, decimal? Yours, decimal? Theirs, string? TheirsBy);

/// <summary>A row that breaks a rule (its quote is not in its source's text, its source is retired), named by its indicator.</summary>
public sealed record EntryError(int IndicatorId, string Message);

public sealed record SaveOutcome(int Inserted, int Updated, int Deleted, IReadOnlyList<EntryConflict> Conflicts)
{
    public IReadOnlyList<EntryError> Errors { get; init; } = [];
    public bool Saved => Conflicts.Count == 0 && Errors.Count == 0;
}

/// <summary>
/// Yearly figures typed by admins: a grid per park and year, saved through the <see cref="FigureWriter"/> in one
/// transaction with an audit entry per change; the history of a figure; deleted figures and their restoring.
/// </summary>
public sealed class FigureEditor(IDbContextFactory<ParkMetricsDbContext> contexts, FigureWriter writer)
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
                current?.Id, current?.Version, current?.Value, current?.Qualifier ?? Qualifier.Exact, current?.Note, current?.SourceId, current?.EnteredBy,
                current?.Quote);
        }).ToList();
        // A retired source takes no new figures, but stays on offer for the figures it already holds.
        var inUse = rows.Select(r => r.SourceId).OfType<int>().ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => s.RetiredAt == null || inUse.Contains(s.Id))
            .OrderBy(s => s.Code == StatisticsOfficeCode ? 0 : 1).ThenByDescending(s => s.AsOf)
            .Select(s => new SourceOption(s.Id, s.Code, s.Title, s.Text != null)).ToListAsync(ct);
        return new EntryGrid(parkCode, year, rows, sources, statisticsOffice.Id);
    }

    /// <summary>Of several figures for one indicator and year (from different sources), the one an admin entered, else the latest.</summary>
    private static Observation? Preferred(IEnumerable<Observation> figures) =>
        figures.OrderBy(o => o.EnteredBy is null ? 1 : 0).ThenByDescending(o => o.Id).FirstOrDefault();

    public Task<SaveOutcome> SaveAsync(string parkCode, int year, IReadOnlyList<EntryChange> changes, string user, CancellationToken ct = default) =>
        writer.SaveEntriesAsync(parkCode, year, changes, user, ct);

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

    /// <summary>Brings a deleted figure back (its key is still its own: a deleted figure keeps it).</summary>
    public Task<RestoreResult> RestoreAsync(long observationId, string user, string? reason, CancellationToken ct = default) =>
        writer.RestoreAsync(observationId, user, reason, ct);

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
