using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Queries;

public enum ExportSubject { All, Park, Enterprise }

/// <summary>
/// Which observations an export holds. Parks, indicators and sources are given by id (resolved from codes by the caller);
/// an empty or null list means no restriction. Years select by period start, both ends inclusive.
/// </summary>
public sealed record ExportFilter
{
    public IReadOnlyCollection<int>? ParkIds { get; init; }
    public IReadOnlyCollection<int>? IndicatorIds { get; init; }
    public IReadOnlyCollection<string>? Categories { get; init; }
    public IReadOnlyCollection<PeriodKind>? PeriodKinds { get; init; }
    public IReadOnlyCollection<int>? SourceIds { get; init; }
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    public ExportSubject Subject { get; init; }
}

/// <summary>One observation as exported: the figure and the names of what it is about, in both languages.</summary>
public sealed record ExportRow(
    int ParkId, string ParkCode, string ParkNameZh, string ParkNameEn,
    int? EnterpriseId, string? Enterprise,
    int IndicatorId, string IndicatorCode, string IndicatorNameZh, string IndicatorNameEn, MeasureKind Measure, string Unit,
    PeriodKind PeriodKind, DateOnly Start, DateOnly End, string? PlanNameZh, string? PlanNameEn,
    decimal Value, decimal ReportedValue, string ReportedUnit, Qualifier Qualifier,
    int SourceId, string SourceTitle, DateOnly? SourcePublishedOn, DateOnly SourceAsOf, string Quote);

/// <summary>A distinct period among the exported rows, with what its label depends on.</summary>
public sealed record ExportPeriod(PeriodKind Kind, DateOnly Start, DateOnly End, string? PlanNameZh, string? PlanNameEn, MeasureKind Measure);

public sealed record ExportPark(int Id, string Code, string NameZh, string NameEn);

public sealed record ExportIndicator(int Id, string Code, string Category);

/// <summary>The codes an export request may name, to check them and turn them into ids.</summary>
public sealed record ExportCatalog(
    IReadOnlyDictionary<string, ExportPark> Parks, IReadOnlyDictionary<string, ExportIndicator> Indicators, IReadOnlySet<int> SourceIds)
{
    public bool HasCategory(string category) => Indicators.Values.Any(i => i.Category == category);
}

/// <summary>
/// Reads observations for export: no tracking, projected into <see cref="ExportRow"/> and streamed as they arrive,
/// so that a million rows take no more memory than a thousand.
/// </summary>
public sealed class ExportQueries(ReadContexts contexts)
{
    public async Task<ExportCatalog> CatalogAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var parks = await db.Parks.AsNoTracking().Select(p => new ExportPark(p.Id, p.Code, p.NameZh, p.NameEn)).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Select(i => new ExportIndicator(i.Id, i.Code, i.Category)).ToListAsync(ct);
        var sources = await db.Sources.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        return new ExportCatalog(
            parks.ToDictionary(p => p.Code, StringComparer.Ordinal),
            indicators.ToDictionary(i => i.Code, StringComparer.Ordinal),
            sources.ToHashSet());
    }

    /// <summary>
    /// Opens a read-only snapshot for one export, so that the distinct periods a wide export lays out as columns and the
    /// rows it then streams come from the same state of the database. Dispose it when the response is written.
    /// </summary>
    public async Task<ExportReader> OpenAsync(ExportFilter filter, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            return await ExportReader.OpenAsync(db, filter, ct);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}

/// <summary>
/// One export's snapshot of the observations that match its filter. The names of parks, enterprises, indicators,
/// plans and sources are read once when it opens and joined to the rows here: the rows then carry ids and the
/// observation's own columns only, which halves the time to read a million of them (and the strings they allocate).
/// </summary>
public sealed class ExportReader : IAsyncDisposable
{
    private readonly ParkMetricsDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly ExportFilter filter;
    private Names names = null!;

    private ExportReader(ParkMetricsDbContext db, IDbContextTransaction transaction, ExportFilter filter) =>
        (this.db, this.transaction, this.filter) = (db, transaction, filter);

    internal static async Task<ExportReader> OpenAsync(ParkMetricsDbContext db, ExportFilter filter, CancellationToken ct)
    {
        // Repeatable read: the names, the periods and the rows all come from the snapshot its first query takes.
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var reader = new ExportReader(db, transaction, filter);
        reader.names = await Names.LoadAsync(db, ct);
        return reader;
    }

    /// <summary>The distinct periods of the matching rows (with the measure and plan their wording depends on).</summary>
    public async Task<IReadOnlyList<ExportPeriod>> PeriodsAsync(CancellationToken ct = default)
    {
        var periods = await Matching()
            .Select(o => new { o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.PlanPeriodId, o.IndicatorId })
            .Distinct()
            .ToListAsync(ct);
        return [.. periods
            .Select(p => new ExportPeriod(p.PeriodKind, p.PeriodStart, p.PeriodEnd, names.PlanZh(p.PlanPeriodId), names.PlanEn(p.PlanPeriodId),
                names.Indicators[p.IndicatorId].Measure))
            .Distinct()];
    }

    /// <summary>
    /// The matching rows in the order of the natural key's index (park, enterprise with the park's own figures last,
    /// indicator, period kind, start, end, source), so that the rows of one subject, indicator and period kind are
    /// consecutive, and PostgreSQL can read them in order without sorting.
    /// </summary>
    public async IAsyncEnumerable<ExportRow> RowsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = Matching()
            .OrderBy(o => o.ParkId).ThenBy(o => o.EnterpriseId).ThenBy(o => o.IndicatorId).ThenBy(o => o.PeriodKind)
            .ThenBy(o => o.PeriodStart).ThenBy(o => o.PeriodEnd).ThenBy(o => o.SourceId)
            .Select(o => new Stored(o.ParkId, o.EnterpriseId, o.IndicatorId, o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.PlanPeriodId,
                o.Value, o.ReportedValue, o.ReportedUnit, o.Qualifier, o.SourceId, o.Quote))
            .AsAsyncEnumerable()
            .WithCancellation(ct);
        await foreach (var o in rows)
        {
            var park = names.Parks[o.ParkId];
            var indicator = names.Indicators[o.IndicatorId];
            var source = names.Sources[o.SourceId];
            yield return new ExportRow(
                o.ParkId, park.Code, park.NameZh, park.NameEn,
                o.EnterpriseId, o.EnterpriseId is { } e ? names.Enterprises[e] : null,
                o.IndicatorId, indicator.Code, indicator.NameZh, indicator.NameEn, indicator.Measure, indicator.UnitCode,
                o.PeriodKind, o.PeriodStart, o.PeriodEnd, names.PlanZh(o.PlanPeriodId), names.PlanEn(o.PlanPeriodId),
                o.Value, o.ReportedValue, o.ReportedUnit, o.Qualifier,
                o.SourceId, source.Title, source.PublishedOn, source.AsOf, o.Quote);
        }
    }

    private IQueryable<Observation> Matching()
    {
        var query = db.Observations.AsNoTracking();
        if (filter.ParkIds is { Count: > 0 } parks) query = query.Where(o => parks.Contains(o.ParkId));
        if (filter.IndicatorIds is { Count: > 0 } indicators) query = query.Where(o => indicators.Contains(o.IndicatorId));
        if (filter.Categories is { Count: > 0 } categories) query = query.Where(o => categories.Contains(o.Indicator.Category));
        if (filter.PeriodKinds is { Count: > 0 } kinds) query = query.Where(o => kinds.Contains(o.PeriodKind));
        if (filter.SourceIds is { Count: > 0 } sources) query = query.Where(o => sources.Contains(o.SourceId));
        if (filter.FromYear is { } from)
        {
            var start = new DateOnly(from, 1, 1);
            query = query.Where(o => o.PeriodStart >= start);
        }
        if (filter.ToYear is { } to)
        {
            var end = new DateOnly(to, 12, 31);
            query = query.Where(o => o.PeriodStart <= end);
        }
        return filter.Subject switch
        {
            ExportSubject.Park => query.Where(o => o.EnterpriseId == null),
            ExportSubject.Enterprise => query.Where(o => o.EnterpriseId != null),
            _ => query,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await db.DisposeAsync();
    }

    private sealed record Stored(int ParkId, int? EnterpriseId, int IndicatorId, PeriodKind PeriodKind, DateOnly PeriodStart, DateOnly PeriodEnd,
        int? PlanPeriodId, decimal Value, decimal ReportedValue, string ReportedUnit, Qualifier Qualifier, int SourceId, string Quote);

    private sealed record ParkNames(string Code, string NameZh, string NameEn);

    private sealed record IndicatorNames(string Code, string NameZh, string NameEn, MeasureKind Measure, string UnitCode);

    private sealed record PlanNames(string NameZh, string NameEn);

    private sealed record SourceNames(string Title, DateOnly? PublishedOn, DateOnly AsOf);

    /// <summary>The catalogs: hundreds of rows each where the observations run to millions.</summary>
    private sealed record Names(
        Dictionary<int, ParkNames> Parks, Dictionary<int, string> Enterprises, Dictionary<int, IndicatorNames> Indicators,
        Dictionary<int, PlanNames> Plans, Dictionary<int, SourceNames> Sources)
    {
        public string? PlanZh(int? id) => id is { } i ? Plans[i].NameZh : null;

        public string? PlanEn(int? id) => id is { } i ? Plans[i].NameEn : null;

        public static async Task<Names> LoadAsync(ParkMetricsDbContext db, CancellationToken ct) => new(
            await db.Parks.AsNoTracking().Select(p => new { p.Id, Names = new ParkNames(p.Code, p.NameZh, p.NameEn) }).ToDictionaryAsync(p => p.Id, p => p.Names, ct),
            await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, ct),
            await db.Indicators.AsNoTracking().Select(i => new { i.Id, Names = new IndicatorNames(i.Code, i.NameZh, i.NameEn, i.Measure, i.UnitCode) })
                .ToDictionaryAsync(i => i.Id, i => i.Names, ct),
            await db.PlanPeriods.AsNoTracking().Select(p => new { p.Id, Names = new PlanNames(p.NameZh, p.NameEn) }).ToDictionaryAsync(p => p.Id, p => p.Names, ct),
            await db.Sources.AsNoTracking().Select(s => new { s.Id, Names = new SourceNames(s.Title, s.PublishedOn, s.AsOf) }).ToDictionaryAsync(s => s.Id, s => s.Names, ct));
    }
}
