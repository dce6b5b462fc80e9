using System.Text;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;

namespace ParkMetrics.Data.Editing;

public enum UploadAction { Insert, Change, Unchanged }

public sealed record UploadRow(int Line, UploadAction Action, ObservationRow Row, decimal? OldValue, string? OldUnit);

/// <param name="EncodingNote">Set when the file was not UTF-8 and was read as GBK/GB18030.</param>
public sealed record UploadResult(string FileName, IReadOnlyList<SeedError> Errors, IReadOnlyList<UploadRow> Rows, string? EncodingNote, bool Applied)
{
    /// <summary>Another write changed one of the file's figures between the preview and the apply: nothing was written.</summary>
    public bool Conflict { get; init; }

    public int Count(UploadAction action) => Rows.Count(r => r.Action == action);
}

/// <summary>
/// A CSV of figures in the columns of data/seed/observations.csv, optionally followed by a <c>measure</c> column: checked
/// row by row against the database's catalogs, previewed as inserts, changes and unchanged rows, and applied through the
/// <see cref="FigureWriter"/> in one transaction only when no row has an error. The upload page, the import API and the
/// intake all come through here.
/// </summary>
public sealed class ObservationUpload(IDbContextFactory<ParkMetricsDbContext> contexts, FigureWriter writer)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    static ObservationUpload() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A file from the upload page: decoded (UTF-8, else GB18030) and written as an upload.</summary>
    public Task<UploadResult> ProcessAsync(byte[] content, string fileName, bool apply, string user, CancellationToken ct = default)
    {
        var (text, note) = Decode(content);
        return ProcessAsync(text, fileName, note, WriteOrigin.Upload, apply, user, reason: null, ct);
    }

    /// <summary>
    /// CSV text from the upload, the import API (<see cref="WriteOrigin.Api"/>) or the intake (<see cref="WriteOrigin.Intake"/>,
    /// whose <paramref name="reason"/> names the source it read): checked with errors by line, previewed, or applied in
    /// one audited transaction; applying the same rows again changes nothing.
    /// </summary>
    public Task<UploadResult> ProcessAsync(string csv, string fileName, WriteOrigin origin, bool apply, string user, string? reason, CancellationToken ct = default)
    {
        if (origin is not (WriteOrigin.Upload or WriteOrigin.Api or WriteOrigin.Intake))
            throw new ArgumentOutOfRangeException(nameof(origin), origin, "An upload is an admin's upload, import API call or intake.");
        return ProcessAsync(csv, fileName, encodingNote: null, origin, apply, user, reason, ct);
    }

    private async Task<UploadResult> ProcessAsync(string csv, string fileName, string? encodingNote, WriteOrigin origin, bool apply, string user,
        string? reason, CancellationToken ct)
    {
        var errors = new List<SeedError>();
        List<ObservationRow> observations;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var rows = SeedTable.Read(new StringReader(csv), fileName, SeedSet.ObservationColumns, errors, optionalLast: SeedSet.MeasureColumn);
            observations = SeedSet.ReadObservations(rows, await ObservationContext.FromDatabaseAsync(db, ct));
        }
        if (errors.Count > 0) return new UploadResult(fileName, errors, [], encodingNote, Applied: false);

        var result = await writer.WriteRowsAsync(observations, new RowsWrite(origin, user, fileName, reason, apply), ct);
        if (result.Errors.Count > 0) return new UploadResult(fileName, result.Errors, [], encodingNote, Applied: false);
        var preview = result.Figures.Select(f => new UploadRow(f.Row.Line, f.Action switch
        {
            FigureAction.Insert => UploadAction.Insert,
            FigureAction.Change => UploadAction.Change,
            _ => UploadAction.Unchanged,
        }, f.Row, f.Existing?.ReportedValue, f.Existing?.ReportedUnit)).ToList();
        return new UploadResult(fileName, [], preview, encodingNote, result.Applied) { Conflict = result.Conflict };
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
}
