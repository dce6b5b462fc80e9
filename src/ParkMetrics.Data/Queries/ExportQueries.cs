using Microsoft.EntityFrameworkCore;
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

/// <summary>A quote of the exported rows, once per source that prints it, with the source's particulars and how many of the rows it holds.</summary>
public sealed record ExportQuote(int SourceId, string Title, SourceKind Kind, string? Outlet, DateOnly? PublishedOn, DateOnly AsOf, string? Url,
    string Quote, int Figures);

/// <summary>A distinct period among the exported rows, with what its label depends on, and whether its figures are forecasts.</summary>
public sealed record ExportPeriod(PeriodKind Kind, DateOnly Start, DateOnly End, string? PlanNameZh, string? PlanNameEn, MeasureKind Measure, bool Forecast);

public sealed record ExportPark(int Id, string Code, string NameZh, string NameEn);

public sealed record ExportIndicator(int Id, string Code, string Category, string NameZh, string NameEn);

/// <summary>The codes an export request may name, to check them, turn them into ids and name the file: sources by id, with their titles.</summary>
public sealed record ExportCatalog(
    IReadOnlyDictionary<string, ExportPark> Parks, IReadOnlyDictionary<string, ExportIndicator> Indicators, IReadOnlyDictionary<int, string> Sources)
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
        var indicators = await db.Indicators.AsNoTracking().Select(i => new ExportIndicator(i.Id, i.Code, i.Category, i.NameZh, i.NameEn)).ToListAsync(ct);
        var sources = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.Title }).ToListAsync(ct);
        return new ExportCatalog(
            parks.ToDictionary(p => p.Code, StringComparer.Ordinal),
            indicators.ToDictionary(i => i.Code, StringComparer.Ordinal),
            sources.ToDictionary(s => s.Id, s => s.Title));
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
            return await ExportReader.OpenAsync(contexts, db, filter, ct);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
