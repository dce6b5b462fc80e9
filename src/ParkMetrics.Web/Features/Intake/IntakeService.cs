using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Intake;
using ParkMetrics.Data.Writing;

namespace ParkMetrics.Web.Features.Intake;

/// <summary>A report the intake can read: registered, with or without its text.</summary>
public sealed record IntakeSource(int Id, string Code, string Title, DateOnly? PublishedOn, DateOnly AsOf, bool HasText, bool Retired);

/// <summary>The catalog the review grid offers: parks, enterprises, indicators and units by code, with names.</summary>
public sealed record IntakeChoices(
    IReadOnlyList<(string Code, string NameZh, string NameEn)> Parks,
    IReadOnlyList<(string Name, string Park)> Enterprises,
    List<(string Code, string NameZh, string NameEn, string Unit, MeasureKind Measure, string Category)> Indicators,
    IReadOnlyList<(string Code, string Dimension)> Units,
    IReadOnlyList<string> Categories);

/// <summary>What the intake read in one report: the candidates to review, and what it left out.</summary>
public sealed record IntakeDraft(IntakeSource Source, string Text, IReadOnlyList<IntakeRow> Rows, IReadOnlyList<SkippedPassage> Skipped,
    IntakeChoices Choices);

/// <summary>What the writer says of the accepted rows: errors by row, or insert / change / unchanged per row.</summary>
/// <param name="Rows">The rows as checked, for the consistency checks' preview (empty when a row had an error).</param>
public sealed record IntakeCheck(bool Applied, bool Conflict, int Inserted, int Changed, int Unchanged, int Errors)
{
    public IReadOnlyList<ObservationRow> Rows { get; init; } = [];
}

/// <summary>
/// The intake behind <c>/admin/intake</c>: reads a registered report's text into candidates, and sends the rows an
/// admin accepted through the upload's checks and the one writer of figures, as a preview or in one audited transaction.
/// </summary>
public sealed class IntakeService(IDbContextFactory<ParkMetricsDbContext> contexts, ObservationUpload upload, IndicatorEditor indicators)
{
    public async Task<IReadOnlyList<IntakeSource>> SourcesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Sources.AsNoTracking().OrderByDescending(s => s.AsOf).ThenBy(s => s.Title)
            .Select(s => new IntakeSource(s.Id, s.Code, s.Title, s.PublishedOn, s.AsOf, s.Text != null, s.RetiredAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Reads the source's text (null when it has none) into candidates, against the catalog as it is now.</summary>
    public async Task<IntakeDraft?> ExtractAsync(int sourceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var source = await db.Sources.AsNoTracking().Where(s => s.Id == sourceId)
            .Select(s => new { s.Id, s.Code, s.Title, s.PublishedOn, s.AsOf, s.Text, s.RetiredAt }).SingleOrDefaultAsync(ct);
        if (source?.Text is null) return null;
        var catalog = await CatalogRows.LoadAsync(db, ct);
        var extraction = new FigureExtractor(catalog).Extract(source.Text, new ReportDates(source.PublishedOn, source.AsOf));
        var choices = await ChoicesAsync(db, catalog, ct);
        var units = catalog.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return new IntakeDraft(new IntakeSource(source.Id, source.Code, source.Title, source.PublishedOn, source.AsOf, true, source.RetiredAt is not null),
            source.Text, [.. extraction.Candidates.Select(c => new IntakeRow(c, units.Contains))], extraction.Skipped, choices);
    }

    /// <summary>The accepted rows checked and previewed (<paramref name="apply"/> false) or applied, each row told what it did or why not.</summary>
    public async Task<IntakeCheck> WriteAsync(IntakeDraft draft, bool apply, string user, CancellationToken ct = default)
    {
        var accepted = draft.Rows.Where(r => r.Accepted).ToList();
        foreach (var row in draft.Rows) row.Outcome = null;
        if (accepted.Count == 0) return new IntakeCheck(false, false, 0, 0, 0, 0);
        var (csv, lines) = CandidateCsv.WriteWithLines(accepted.Select(r => r.Current), draft.Source.Code);
        var result = await upload.ProcessAsync(csv, $"intake-{draft.Source.Code}.csv", WriteOrigin.Intake, apply, user, draft.Source.Title, ct);
        var byLine = accepted.Select((row, i) => (row, line: lines[i])).ToDictionary(p => p.line, p => p.row);
        foreach (var error in result.Errors)
            if (RowAt(byLine, error.Line) is { } row) row.Outcome = (row.Outcome is null ? "" : row.Outcome + "；") + $"{error.Field}: {error.Reason}";
        foreach (var done in result.Rows)
            if (RowAt(byLine, done.Line) is { } row && row.Outcome is null) row.Action = done.Action;
        return new IntakeCheck(result.Applied, result.Conflict, result.Count(UploadAction.Insert), result.Count(UploadAction.Change),
            result.Count(UploadAction.Unchanged), result.Errors.Count)
        { Rows = [.. result.Rows.Where(r => r.Action != UploadAction.Unchanged).Select(r => r.Row)] };
    }

    /// <summary>A new indicator, created from the review grid (audited like any catalog change), offered to every row at once.</summary>
    public async Task<CatalogResult> CreateIndicatorAsync(IntakeDraft draft, IndicatorForm form, string user, CancellationToken ct = default)
    {
        var result = await indicators.SaveAsync(form, user, $"intake: {draft.Source.Title}", ct);
        if (result.Saved && result.Code is { } code && !draft.Choices.Indicators.Any(i => i.Code == code))
            draft.Choices.Indicators.Add((code, form.NameZh ?? code, form.NameEn ?? code, form.UnitCode ?? "", form.Measure, form.Category ?? ""));
        return result;
    }

    /// <summary>A record starts on the line of its first field; an error may name a later line of a record with a wrapped quote.</summary>
    private static IntakeRow? RowAt(Dictionary<int, IntakeRow> byLine, int line)
    {
        for (var l = line; l >= 2; l--)
            if (byLine.TryGetValue(l, out var row)) return row;
        return null;
    }

    private static async Task<IntakeChoices> ChoicesAsync(ParkMetricsDbContext db, CatalogRows catalog, CancellationToken ct)
    {
        var dimensions = catalog.Units.ToDictionary(u => u.Code, u => u.Dimension);
        var categories = await db.Indicators.Select(i => i.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        return new IntakeChoices(
            [.. catalog.Parks.Select(p => (p.Code, p.NameZh, p.NameEn))],
            [.. catalog.Enterprises.OrderBy(e => e.Name).Select(e => (e.Name, e.Park))],
            catalog.Indicators.OrderBy(i => i.Category).ThenBy(i => i.NameZh).Select(i => (i.Code, i.NameZh, i.NameEn, i.Unit, i.Measure, i.Category)).ToList(),
            [.. catalog.Units.Select(u => (u.Code, u.Dimension))],
            categories);
    }
}
