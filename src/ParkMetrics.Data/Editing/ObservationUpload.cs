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

    /// <summary>The longest file name an upload may have: its audit entries name it.</summary>
    public const int MaxFileName = 255;

    /// <summary>A file from the upload page: decoded (UTF-8, else GB18030) and written as an upload.</summary>
    public Task<UploadResult> ProcessAsync(byte[] content, string fileName, bool apply, string user, CancellationToken ct = default) =>
        ProcessAsync(content, fileName, WriteOrigin.Upload, apply, user, ct);

    /// <summary>A file from the upload page or the import API: decoded (UTF-8, else GB18030), checked and written.</summary>
    public Task<UploadResult> ProcessAsync(byte[] content, string fileName, WriteOrigin origin, bool apply, string user, CancellationToken ct = default)
    {
        if (origin is not (WriteOrigin.Upload or WriteOrigin.Api))
            throw new ArgumentOutOfRangeException(nameof(origin), origin, "A file comes from the upload page or the import API.");
        var decoded = Decode(content, fileName);
        if (decoded.Error is { } error) return Task.FromResult(new UploadResult(fileName, [error], [], decoded.Note, Applied: false));
        return ProcessAsync(decoded.Text, fileName, decoded.Note, origin, apply, user, reason: null, ct);
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
        var errors = new SeedErrors();
        if (fileName.Length > MaxFileName)
        {
            var shown = fileName[..40] + "…";
            errors.Add(new SeedError(shown, 0, "fileName", Reason.TooLong("文件名", "file name", MaxFileName, fileName.Length)));
            return new UploadResult(shown, errors, [], encodingNote, Applied: false);
        }
        List<ObservationRow> observations;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var catalog = await ObservationContext.FromDatabaseAsync(db, ct);
            observations = SeedSet.ReadObservations(
                SeedTable.Rows(new StringReader(csv), fileName, SeedSet.ObservationColumns, errors, optionalLast: SeedSet.MeasureColumn), catalog);
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
    /// in China writes), and said so. A file that declares itself UTF-8 with a BOM and then is not is refused at the
    /// line of the first bad byte rather than read with replacement characters.
    /// </summary>
    public static DecodedCsv Decode(byte[] content, string fileName = "upload.csv")
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var bom = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return new DecodedCsv(strict.GetString(content, bom, content.Length - bom), null, null);
        }
        catch (DecoderFallbackException) when (bom == 0)
        {
            return new DecodedCsv(Encoding.GetEncoding("GB18030").GetString(content), "GB18030", null);
        }
        catch (DecoderFallbackException)
        {
            System.Text.Unicode.Utf8.ToUtf16(content.AsSpan(bom), new char[content.Length], out var valid, out _, replaceInvalidSequences: false);
            var line = 1 + content.AsSpan(bom, valid).Count((byte)'\n');
            return new DecodedCsv(Encoding.UTF8.GetString(content, bom, content.Length - bom), null, new SeedError(fileName, line, "-", Reason.NotUtf8));
        }
    }
}

/// <param name="Note">Set when the file was not UTF-8 and was read as GB18030.</param>
/// <param name="Error">Set when the file has a UTF-8 byte order mark but is not UTF-8: its line of the first bad byte.</param>
public sealed record DecodedCsv(string Text, string? Note, SeedError? Error);
