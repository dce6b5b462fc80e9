using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Queries;

/// <summary>
/// One export's snapshot of the observations that match its filter. The names of parks, enterprises, indicators,
/// plans and sources are read once when it opens and joined to the rows here: the rows then carry ids and the
/// observation's own columns only, which halves the time to read a million of them (and the strings they allocate).
/// </summary>
public sealed class ExportReader : IAsyncDisposable
{
    private readonly IDbContextFactory<ParkMetricsDbContext> contexts;
    private readonly ParkMetricsDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly ExportFilter filter;
    private Names? names;
    private ParkMetricsDbContext? quotesDb;

    private ExportReader(IDbContextFactory<ParkMetricsDbContext> contexts, ParkMetricsDbContext db, IDbContextTransaction transaction, ExportFilter filter, DataVersion version) =>
        (this.contexts, this.db, this.transaction, this.filter, Version) = (contexts, db, transaction, filter, version);

    /// <summary>The state of the data this snapshot sees, for the export's ETag and Last-Modified.</summary>
    public DataVersion Version { get; }

    internal static async Task<ExportReader> OpenAsync(IDbContextFactory<ParkMetricsDbContext> contexts, ParkMetricsDbContext db, ExportFilter filter, CancellationToken ct)
    {
        // Repeatable read: the version, the names, the periods and the rows all come from the snapshot its first query takes.
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        try
        {
            return new ExportReader(contexts, db, transaction, filter, await DataVersion.ReadAsync(db, ct));
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>The catalogs, read on first use: an answer of 304 Not Modified needs only the version.</summary>
    private async ValueTask<Names> NamesAsync(CancellationToken ct) => names ??= await Names.LoadAsync(db, ct);

    /// <summary>The distinct periods of the matching rows (with the measure and plan their wording depends on), apart for forecasts.</summary>
    public async Task<IReadOnlyList<ExportPeriod>> PeriodsAsync(CancellationToken ct = default)
    {
        var periods = await Matching()
            .Select(o => new { o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.PlanPeriodId, o.IndicatorId, Forecast = o.Qualifier == Qualifier.Forecast })
            .Distinct()
            .ToListAsync(ct);
        var names = await NamesAsync(ct);
        return [.. periods
            .Select(p => new ExportPeriod(p.PeriodKind, p.PeriodStart, p.PeriodEnd, names.PlanZh(p.PlanPeriodId), names.PlanEn(p.PlanPeriodId),
                names.Indicators[p.IndicatorId].Measure, p.Forecast))
            .Distinct()];
    }

    /// <summary>
    /// The matching rows in the order of the natural key's index (park, enterprise with the park's own figures last,
    /// indicator, period kind, start, end, source), so that the rows of one subject, indicator and period kind are
    /// consecutive, and PostgreSQL can read them in order without sorting.
    /// </summary>
    public IAsyncEnumerable<ExportRow> RowsAsync(CancellationToken ct = default) => StreamAsync(Matching(), ct);

    /// <summary>At most <paramref name="limit"/> rows after <paramref name="after"/> (from the first when null), in the same order.</summary>
    public IAsyncEnumerable<ExportRow> RowsAsync(ExportPosition? after, int limit, CancellationToken ct = default) =>
        StreamAsync(after is null ? Matching() : Matching().After(after), ct, limit);

    /// <summary>The rows of the series after <paramref name="after"/> (from the first when null) through <paramref name="through"/>.</summary>
    public IAsyncEnumerable<ExportRow> SeriesRowsAsync(SeriesPosition? after, SeriesPosition through, CancellationToken ct = default) =>
        StreamAsync((after is null ? Matching() : Matching().After(after)).Through(through), ct);

    /// <summary>
    /// The last of the next <paramref name="limit"/> series after <paramref name="after"/> (null when none is left), and
    /// whether more follow it.
    /// </summary>
    public async Task<(SeriesPosition? Through, bool More)> SeriesPageAsync(SeriesPosition? after, int limit, CancellationToken ct = default)
    {
        var series = await (after is null ? Matching() : Matching().After(after))
            .Select(o => new { o.ParkId, o.EnterpriseId, o.IndicatorId, o.PeriodKind })
            .Distinct()
            .OrderBy(o => o.ParkId).ThenBy(o => o.EnterpriseId).ThenBy(o => o.IndicatorId).ThenBy(o => o.PeriodKind)
            .Take(limit + 1)
            .ToListAsync(ct);
        if (series.Count == 0) return (null, false);
        var last = series[Math.Min(limit, series.Count) - 1];
        return (new SeriesPosition(last.ParkId, last.EnterpriseId, last.IndicatorId, last.PeriodKind), series.Count > limit);
    }

    public Task<int> CountAsync(CancellationToken ct = default) => Matching().CountAsync(ct);

    /// <summary>How many series (subject × indicator × period kind) the matching rows fall in: the rows of a wide export.</summary>
    public Task<int> SeriesCountAsync(CancellationToken ct = default) =>
        Matching().Select(o => new { o.ParkId, o.EnterpriseId, o.IndicatorId, o.PeriodKind }).Distinct().CountAsync(ct);

    /// <summary>
    /// Every quote of the matching rows once, with its source and how many of the rows it holds, by source and then in the
    /// order the figures were entered. The quotes are read on a connection of their own in this snapshot, so that the
    /// rows can be read meanwhile: the query starts with the first <c>MoveNextAsync</c>, and PostgreSQL groups the quotes
    /// (seconds for a million) while the rows stream; it then holds them until they are read.
    /// </summary>
    public async Task<IAsyncEnumerator<ExportQuote>> OpenQuotesAsync(CancellationToken ct = default)
    {
        var names = await NamesAsync(ct);
        var snapshot = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(ct);
        quotesDb = await contexts.CreateDbContextAsync(ct);
        await quotesDb.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var setSnapshot = "SET TRANSACTION SNAPSHOT '" + snapshot + "'"; // an id PostgreSQL made; the command takes no parameters
        await quotesDb.Database.ExecuteSqlRawAsync(setSnapshot, ct);
        return QuotesAsync(Matching(quotesDb), names, ct).GetAsyncEnumerator(ct);
    }

    private static async IAsyncEnumerable<ExportQuote> QuotesAsync(IQueryable<Observation> matching, Names names, [EnumeratorCancellation] CancellationToken ct)
    {
        var quotes = matching
            .GroupBy(o => new { o.SourceId, o.Quote })
            .Select(g => new { g.Key.SourceId, g.Key.Quote, First = g.Min(o => o.Id), Figures = g.Count() })
            .OrderBy(q => q.SourceId).ThenBy(q => q.First)
            .AsAsyncEnumerable()
            .WithCancellation(ct);
        await foreach (var q in quotes)
        {
            var s = names.Sources[q.SourceId];
            yield return new ExportQuote(q.SourceId, s.Title, s.Kind, s.Outlet, s.PublishedOn, s.AsOf, s.Url, q.Quote, q.Figures);
        }
    }

    private async IAsyncEnumerable<ExportRow> StreamAsync(IQueryable<Observation> matching, [EnumeratorCancellation] CancellationToken ct, int? limit = null)
    {
        var names = await NamesAsync(ct);
        var ordered = matching
            .OrderBy(o => o.ParkId).ThenBy(o => o.EnterpriseId).ThenBy(o => o.IndicatorId).ThenBy(o => o.PeriodKind)
            .ThenBy(o => o.PeriodStart).ThenBy(o => o.PeriodEnd).ThenBy(o => o.SourceId);
        var rows = (limit is { } n ? ordered.Take(n) : ordered)
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

    private IQueryable<Observation> Matching() => Matching(db);

    private IQueryable<Observation> Matching(ParkMetricsDbContext context)
    {
        var query = context.Observations.AsNoTracking();
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
        if (quotesDb is not null) await quotesDb.DisposeAsync();
        await transaction.DisposeAsync();
        await db.DisposeAsync();
    }

    private sealed record Stored(int ParkId, int? EnterpriseId, int IndicatorId, PeriodKind PeriodKind, DateOnly PeriodStart, DateOnly PeriodEnd,
        int? PlanPeriodId, decimal Value, decimal ReportedValue, string ReportedUnit, Qualifier Qualifier, int SourceId, string Quote);

    private sealed record ParkNames(string Code, string NameZh, string NameEn);

    private sealed record IndicatorNames(string Code, string NameZh, string NameEn, MeasureKind Measure, string UnitCode);

    private sealed record PlanNames(string NameZh, string NameEn);

    private sealed record SourceNames(string Title, SourceKind Kind, string? Outlet, DateOnly? PublishedOn, DateOnly AsOf, string? Url);

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
            await db.Sources.AsNoTracking().Select(s => new { s.Id, Names = new SourceNames(s.Title, s.Kind, s.Outlet, s.PublishedOn, s.AsOf, s.Url) }).ToDictionaryAsync(s => s.Id, s => s.Names, ct));
    }
}
