using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Queries;

/// <summary>A period of one indicator that two or more parks report for themselves, and which parks.</summary>
public sealed record ComparablePeriod(string IndicatorCode, PeriodKind Kind, DateOnly Start, DateOnly End, IReadOnlyList<string> ParkCodes);

/// <summary>Reads figures for the dashboard's pages: no tracking, projected straight into <see cref="Figure"/>.</summary>
public sealed class FigureQueries(ReadContexts contexts, QueryCache cache)
{
    public Task<IReadOnlyList<Figure>> ForParkAsync(string parkCode, CancellationToken ct = default) =>
        cache.GetAsync($"figures:park:{parkCode}", () => ListAsync(o => o.Park.Code == parkCode, ct));

    public Task<IReadOnlyList<Figure>> ForIndicatorAsync(string indicatorCode, CancellationToken ct = default) =>
        cache.GetAsync($"figures:indicator:{indicatorCode}", () => ListAsync(o => o.Indicator.Code == indicatorCode, ct));

    /// <summary>The query behind an indicator's chart: the parks' own figures of one indicator, for the parks charted.</summary>
    public async Task<IReadOnlyList<Figure>> ChartAsync(string indicatorCode, IReadOnlyCollection<string> parkCodes, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ChartQuery(db, indicatorCode, parkCodes).ToListAsync(ct);
    }

    public static IQueryable<Figure> ChartQuery(ParkMetricsDbContext db, string indicatorCode, IReadOnlyCollection<string> parkCodes) =>
        Project(db.Observations.AsNoTracking().Where(o => o.Indicator.Code == indicatorCode && parkCodes.Contains(o.Park.Code) && o.EnterpriseId == null));

    /// <summary>The codes of the parks that report an indicator for themselves.</summary>
    public Task<IReadOnlyList<string>> ParksReportingAsync(string indicatorCode, CancellationToken ct = default) =>
        cache.GetAsync($"figures:parks-reporting:{indicatorCode}", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return (IReadOnlyList<string>)await ChartParksQuery(db, indicatorCode).ToListAsync(ct);
        });

    /// <summary>Through the chart index: for each park, is there any figure of its own for the indicator.</summary>
    public static IQueryable<string> ChartParksQuery(ParkMetricsDbContext db, string indicatorCode) =>
        from p in db.Parks
        from i in db.Indicators
        where i.Code == indicatorCode && db.Observations.Any(o => o.IndicatorId == i.Id && o.ParkId == p.Id && o.EnterpriseId == null)
        select p.Code;

    public Task<IReadOnlyList<Figure>> ForSourceAsync(int sourceId, CancellationToken ct = default) =>
        cache.GetAsync($"figures:source:{sourceId}", () => ListAsync(o => o.SourceId == sourceId, ct));

    /// <summary>Figures of periods inside a five-year plan, or targets for its years.</summary>
    public Task<IReadOnlyList<Figure>> ForPlanAsync(PlanPeriod plan, CancellationToken ct = default) =>
        cache.GetAsync($"figures:plan:{plan.Code}", () => ListAsync(o => o.PlanPeriod != null && o.PlanPeriod.Code == plan.Code
            || o.PeriodKind == PeriodKind.Target && o.PeriodEnd.Year >= plan.StartYear && o.PeriodEnd.Year <= plan.EndYear, ct));

    /// <summary>
    /// The park-level figures of the given indicators for every park: what the overview's headline tiles and charts
    /// pick from. Reads through the (IndicatorId, PeriodKind, PeriodStart) index rather than every park's figures.
    /// </summary>
    public Task<IReadOnlyList<Figure>> HeadlineCandidatesAsync(IReadOnlyCollection<string> parkCodes, IReadOnlyCollection<string> indicatorCodes,
        CancellationToken ct = default) =>
        cache.GetAsync($"figures:headlines:{string.Join(',', parkCodes)}:{string.Join(',', indicatorCodes)}",
            () => ListAsync(o => parkCodes.Contains(o.Park.Code) && indicatorCodes.Contains(o.Indicator.Code) && o.EnterpriseId == null, ct));

    /// <summary>The data's version, read with one cheap query (see <see cref="DataVersion"/>): it moves with every write, in any process.</summary>
    public async Task<DataVersion> VersionAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await DataVersion.ReadAsync(db, ct);
    }

    /// <summary>One figure, for its permalink page; null when there is none (or it was deleted).</summary>
    public async Task<Figure?> ByIdAsync(long id, CancellationToken ct = default) =>
        await cache.GetAsync($"figures:id:{id}", () => ListAsync(o => o.Id == id, ct)) is [var figure, ..] ? figure : null;

    /// <summary>
    /// The indicator × period pairs that at least two parks report for themselves (forecasts aside), with those parks:
    /// what the compare page can honestly offer. Read once a minute at most, through the chart index.
    /// </summary>
    public Task<IReadOnlyList<ComparablePeriod>> ComparablePeriodsAsync(CancellationToken ct = default) =>
        cache.GetAsync("figures:comparable-periods", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Observations.AsNoTracking()
                .Where(o => o.EnterpriseId == null && o.Qualifier != Qualifier.Forecast)
                .Select(o => new { Indicator = o.Indicator.Code, o.PeriodKind, o.PeriodStart, o.PeriodEnd, Park = o.Park.Code })
                .Distinct()
                .ToListAsync(ct);
            return (IReadOnlyList<ComparablePeriod>)[.. rows
                .GroupBy(r => (r.Indicator, r.PeriodKind, r.PeriodStart, r.PeriodEnd))
                .Where(g => g.Count() >= 2)
                .Select(g => new ComparablePeriod(g.Key.Indicator, g.Key.PeriodKind, g.Key.PeriodStart, g.Key.PeriodEnd, [.. g.Select(r => r.Park).Order(StringComparer.Ordinal)]))
                .OrderBy(p => p.IndicatorCode, StringComparer.Ordinal).ThenByDescending(p => p.End).ThenBy(p => p.Start)];
        });

    private async Task<IReadOnlyList<Figure>> ListAsync(System.Linq.Expressions.Expression<Func<Observation, bool>> filter, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Project(db.Observations.AsNoTracking().Where(filter)).ToListAsync(ct);
    }

    private static IQueryable<Figure> Project(IQueryable<Observation> observations) =>
        observations
            .OrderBy(o => o.Indicator.Category).ThenBy(o => o.Indicator.Code).ThenBy(o => o.Park.Code).ThenBy(o => o.PeriodStart).ThenBy(o => o.PeriodEnd)
            .Select(o => new Figure
            {
                Id = o.Id,
                ParkCode = o.Park.Code,
                ParkNameZh = o.Park.NameZh,
                ParkNameEn = o.Park.NameEn,
                Enterprise = o.Enterprise == null ? null : o.Enterprise.Name,
                IndicatorCode = o.Indicator.Code,
                IndicatorNameZh = o.Indicator.NameZh,
                IndicatorNameEn = o.Indicator.NameEn,
                Category = o.Indicator.Category,
                Measure = o.Indicator.Measure,
                Unit = o.Indicator.UnitCode,
                UnitDimension = o.Indicator.Unit.Dimension,
                PeriodKind = o.PeriodKind,
                Start = o.PeriodStart,
                End = o.PeriodEnd,
                PlanCode = o.PlanPeriod == null ? null : o.PlanPeriod.Code,
                PlanNameZh = o.PlanPeriod == null ? null : o.PlanPeriod.NameZh,
                PlanNameEn = o.PlanPeriod == null ? null : o.PlanPeriod.NameEn,
                Value = o.Value,
                ReportedValue = o.ReportedValue,
                ReportedUnit = o.ReportedUnit,
                Qualifier = o.Qualifier,
                SourceId = o.SourceId,
                SourceTitle = o.Source.Title,
                SourceOutlet = o.Source.Outlet,
                SourcePublishedOn = o.Source.PublishedOn,
                SourceAsOf = o.Source.AsOf,
                SourceKind = o.Source.Kind,
                SourceUrl = o.Source.Url,
                Quote = o.Quote,
                Note = o.Note,
            });
}
