using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Queries;

public sealed record ParkSummary(string Code, string NameZh, string NameEn, ParkKind Kind, string? ParentCode, int FigureCount, int EnterpriseCount);

public sealed record IndicatorSummary(string Code, string NameZh, string NameEn, string Category, MeasureKind Measure, string Unit,
    Aggregation Aggregation, string? BaseCode, int FigureCount, int ParkCount);

/// <param name="RetiredAt">When the source was retired: it keeps its figures but is offered for no new ones.</param>
public sealed record SourceSummary(int Id, string Code, string Title, string? Outlet, DateOnly? PublishedOn, DateOnly AsOf, string? DateNote, int FigureCount,
    SourceKind Kind, string? Url, DateTimeOffset? RetiredAt, bool HasText);

public sealed record EnterpriseSummary(string Name, IReadOnlyList<string> Aliases, string ParkCode, string? Sector, IReadOnlyList<string> Designations, int FigureCount);

/// <summary>
/// The lists the dashboard navigates by: parks, indicators, sources, plans and enterprises. Every page needs some of
/// them and their counts scan the observations, so they go through the <see cref="QueryCache"/>.
/// </summary>
public sealed class CatalogQueries(ReadContexts contexts, QueryCache cache)
{
    /// <summary>Forgets every cached read, after figures, parks, enterprises or sources change.</summary>
    public void Invalidate() => cache.Invalidate();

    /// <summary>Forgets every cached read and waits until the listeners (the output cache) have forgotten theirs.</summary>
    public Task InvalidateAsync(CancellationToken ct = default) => cache.InvalidateAsync(ct);

    public Task<IReadOnlyList<ParkSummary>> ParksAsync(CancellationToken ct = default) => cache.GetAsync("catalog:parks", () => LoadParksAsync(ct));

    private async Task<IReadOnlyList<ParkSummary>> LoadParksAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var parks = await db.Parks.AsNoTracking()
            .Select(p => new ParkSummary(p.Code, p.NameZh, p.NameEn, p.Kind, p.Parent == null ? null : p.Parent.Code,
                db.Observations.Count(o => o.ParkId == p.Id), p.Enterprises.Count))
            .ToListAsync(ct);
        return [.. parks.OrderBy(p => p.Kind switch { ParkKind.Zone => 0, ParkKind.Park => 1, _ => 2 }).ThenBy(p => p.ParentCode is null ? 1 : 0)];
    }

    public Task<IReadOnlyList<IndicatorSummary>> IndicatorsAsync(CancellationToken ct = default) => cache.GetAsync("catalog:indicators", () => LoadIndicatorsAsync(ct));

    private async Task<IReadOnlyList<IndicatorSummary>> LoadIndicatorsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Indicators.AsNoTracking()
            .OrderBy(i => i.Category).ThenBy(i => i.Code)
            .Select(i => new IndicatorSummary(i.Code, i.NameZh, i.NameEn, i.Category, i.Measure, i.UnitCode, i.Aggregation,
                i.BaseIndicator == null ? null : i.BaseIndicator.Code,
                db.Observations.Count(o => o.IndicatorId == i.Id),
                db.Observations.Where(o => o.IndicatorId == i.Id).Select(o => o.ParkId).Distinct().Count()))
            .ToListAsync(ct);
    }

    public Task<IReadOnlyList<SourceSummary>> SourcesAsync(CancellationToken ct = default) => cache.GetAsync("catalog:sources", () => LoadSourcesAsync(ct));

    private async Task<IReadOnlyList<SourceSummary>> LoadSourcesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Sources.AsNoTracking()
            .OrderByDescending(s => s.AsOf)
            .Select(s => new SourceSummary(s.Id, s.Code, s.Title, s.Outlet, s.PublishedOn, s.AsOf, s.DateNote, db.Observations.Count(o => o.SourceId == s.Id),
                s.Kind, s.Url, s.RetiredAt, s.Text != null))
            .ToListAsync(ct);
    }

    /// <summary>
    /// A source's full text as stored (null when unknown): read only for the pages that show it, never with a list of
    /// figures.
    /// </summary>
    public Task<string?> SourceTextAsync(int sourceId, CancellationToken ct = default) =>
        cache.GetAsync($"catalog:source-text:{sourceId}", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Sources.AsNoTracking().Where(s => s.Id == sourceId).Select(s => s.Text).SingleOrDefaultAsync(ct);
        });

    /// <summary>How many figures each source holds of each period kind.</summary>
    public Task<IReadOnlyList<(int SourceId, PeriodKind Kind, int Count)>> SourcePeriodKindsAsync(CancellationToken ct = default) =>
        cache.GetAsync("catalog:source-period-kinds", () => LoadSourcePeriodKindsAsync(ct));

    private async Task<IReadOnlyList<(int, PeriodKind, int)>> LoadSourcePeriodKindsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Observations.GroupBy(o => new { o.SourceId, o.PeriodKind })
            .Select(g => new { g.Key.SourceId, g.Key.PeriodKind, Count = g.Count() })
            .ToListAsync(ct);
        return [.. counts.Select(c => (c.SourceId, c.PeriodKind, c.Count))];
    }

    public Task<IReadOnlyList<EnterpriseSummary>> EnterprisesAsync(string? parkCode = null, CancellationToken ct = default) =>
        cache.GetAsync($"catalog:enterprises:{parkCode}", () => LoadEnterprisesAsync(parkCode, ct));

    private async Task<IReadOnlyList<EnterpriseSummary>> LoadEnterprisesAsync(string? parkCode, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Counted through the park: the natural key's index leads with (park, enterprise).
        return await db.Enterprises.AsNoTracking()
            .Where(e => parkCode == null || e.Park.Code == parkCode)
            .OrderBy(e => e.Name)
            .Select(e => new EnterpriseSummary(e.Name, e.Aliases, e.Park.Code, e.Sector, e.Designations,
                db.Observations.Count(o => o.ParkId == e.ParkId && o.EnterpriseId == e.Id)))
            .ToListAsync(ct);
    }

    public Task<IReadOnlyList<PlanPeriod>> PlansAsync(CancellationToken ct = default) => cache.GetAsync("catalog:plans", () => LoadPlansAsync(ct));

    private async Task<IReadOnlyList<PlanPeriod>> LoadPlansAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PlanPeriods.AsNoTracking().OrderBy(p => p.StartYear).ToListAsync(ct);
    }
}
