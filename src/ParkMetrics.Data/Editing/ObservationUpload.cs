using System.Text;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Editing;

public enum UploadAction { Insert, Change, Unchanged }

public sealed record UploadRow(int Line, UploadAction Action, ObservationRow Row, decimal? OldValue, string? OldUnit);

/// <param name="EncodingNote">Set when the file was not UTF-8 and was read as GBK/GB18030.</param>
public sealed record UploadResult(string FileName, IReadOnlyList<SeedError> Errors, IReadOnlyList<UploadRow> Rows, string? EncodingNote, bool Applied)
{
    public int Count(UploadAction action) => Rows.Count(r => r.Action == action);
}

/// <summary>
/// A CSV of figures in the columns of data/seed/observations.csv: checked row by row against the database's catalogs,
/// previewed as inserts, changes and unchanged rows, and applied in one transaction only when no row has an error.
/// </summary>
public sealed class ObservationUpload(IDbContextFactory<ParkMetricsDbContext> contexts)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    static ObservationUpload() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<UploadResult> ProcessAsync(byte[] content, string fileName, bool apply, string user, CancellationToken ct = default)
    {
        var (text, note) = Decode(content);
        var errors = new List<SeedError>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = SeedTable.Read(new StringReader(text), fileName, SeedSet.ObservationColumns, errors);
        var observations = SeedSet.ReadObservations(rows, await ContextAsync(db, ct));
        if (errors.Count > 0) return new UploadResult(fileName, errors, [], note, Applied: false);

        var existing = (await db.Observations.IgnoreQueryFilters()
                .Include(o => o.Park).Include(o => o.Enterprise).Include(o => o.Indicator).Include(o => o.Source).ToListAsync(ct))
            .ToDictionary(o => (o.Park.Code, o.Enterprise?.Name, o.Indicator.Code, o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.Source.Code));
        var preview = observations.Select(o =>
        {
            existing.TryGetValue((o.Park, o.Subject, o.Indicator, o.PeriodKind, o.Start, o.End, o.Source), out var old);
            var action = old is null ? UploadAction.Insert
                : old.DeletedAt is null && old.Value == o.Value && old.ReportedValue == o.ReportedValue && old.ReportedUnit == o.Unit
                  && old.Qualifier == o.Qualifier && old.Quote == o.Quote ? UploadAction.Unchanged : UploadAction.Change;
            return new UploadRow(o.Line, action, o, old?.ReportedValue, old?.ReportedUnit);
        }).ToList();
        if (!apply) return new UploadResult(fileName, [], preview, note, Applied: false);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, ct);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        var enterprises = await db.Enterprises.ToDictionaryAsync(e => e.Name, ct);
        var sources = await db.Sources.ToDictionaryAsync(s => s.Code, ct);
        var plans = await db.PlanPeriods.ToListAsync(ct);
        var audits = new List<(Observation Figure, AuditAction Action, string? Before)>();
        foreach (var row in preview.Where(r => r.Action != UploadAction.Unchanged))
        {
            var o = row.Row;
            var figure = existing.GetValueOrDefault((o.Park, o.Subject, o.Indicator, o.PeriodKind, o.Start, o.End, o.Source));
            var before = figure is null ? null : Audit.Snapshot(figure);
            if (figure is null)
            {
                figure = new Observation { ReportedUnit = o.Unit, Quote = o.Quote };
                db.Observations.Add(figure);
            }
            o.ApplyTo(figure, parks[o.Park], o.Subject is null ? null : enterprises[o.Subject], indicators[o.Indicator], sources[o.Source], plans);
            var action = before is null ? AuditAction.Insert : figure.DeletedAt is null ? AuditAction.Update : AuditAction.Restore;
            (figure.DeletedAt, figure.DeletedBy, figure.EnteredBy) = (null, null, user);
            audits.Add((figure, action, before));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (figure, action, before) in audits)
            db.AuditEntries.Add(Audit.Entry(Audit.ObservationType, figure.Id, action, user, before, Audit.Snapshot(figure), $"upload {fileName}", now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UploadResult(fileName, [], preview, note, Applied: true);
    }

    /// <summary>
    /// UTF-8 with or without BOM; anything that is not valid UTF-8 is read as GB18030 (a superset of GBK, which Excel
    /// in China writes), and said so.
    /// </summary>
    public static (string Text, string? Note) Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith("\uFEFF"u8)) return (Encoding.UTF8.GetString(content, 3, content.Length - 3), null);
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content), null);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding("GB18030").GetString(content), "GB18030");
        }
    }

    internal static async Task<ObservationContext> ContextAsync(ParkMetricsDbContext db, CancellationToken ct)
    {
        var units = UnitLookup.ByCodeAndAlias(await db.Units.AsNoTracking().Select(u => new UnitRow(u.Code, u.Dimension, u.Factor, u.Aliases)).ToListAsync(ct));
        var indicators = await db.Indicators.AsNoTracking().Select(i => new IndicatorRow(i.Code, i.NameZh, i.NameEn, i.Category, i.UnitCode, i.Measure,
            i.Aggregation, i.BaseIndicator == null ? null : i.BaseIndicator.Code, i.Aliases)).ToDictionaryAsync(i => i.Code, ct);
        var enterprises = await db.Enterprises.AsNoTracking().Select(e => new EnterpriseRow(e.Name, e.Aliases, e.Park.Code, e.Sector, e.Designations))
            .ToDictionaryAsync(e => e.Name, ct);
        return new ObservationContext(
            [.. await db.Parks.Select(p => p.Code).ToListAsync(ct)], units, indicators, enterprises,
            [.. await db.Sources.Select(s => s.Code).ToListAsync(ct)]);
    }
}
