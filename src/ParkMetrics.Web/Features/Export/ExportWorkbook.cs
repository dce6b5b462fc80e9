using ParkMetrics.Data.Queries;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// What a workbook is written from: the request, its snapshot, its wide layout (null for long), its words, its stamp,
/// and the catalog, whose names the columns are made wide enough for.
/// </summary>
public sealed record WorkbookSource(
    ExportRequest Request, ExportReader Reader, WideLayout? Layout, ExportWords Words, DateTimeOffset ExportedAt, string Version, string Query, ExportCatalog Catalog);

/// <summary>
/// Writes an export as an Excel workbook with SpreadCheetah, streamed to the response as the rows are read: the rows
/// (<c>observations</c>, long or wide), every source of those rows with every quote of it (<c>sources</c>), and the
/// filters, export time, codes and licence (<c>about</c>). Numbers are numbers, dates are dates, text is inline text
/// (never a formula), the header row is frozen and filtered, and columns are wide enough for Chinese.
/// </summary>
/// <remarks>
/// SpreadCheetah writes each cell straight into its buffer, without a cell reference, and asynchronously: about four
/// times the rows per second of MiniExcel, whose per-cell strings made the workbook 0.12 of the CSV's speed
/// (docs/benchmarks.md, Export). Its numbers are doubles, as Excel's are.
/// </remarks>
public static class ExportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DataSheet = "observations", SourcesSheet = "sources", AboutSheet = "about";

    /// <summary>Writes the workbook; returns the number of rows of its data sheet.</summary>
    public static async Task<long> WriteAsync(Stream body, WorkbookSource source, CancellationToken ct)
    {
        var output = new HeldWrites(body);
        long rows;
        await using (var workbook = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { BufferSize = 1 << 16 }, ct))
        {
            rows = await WriteSheetsAsync(new WorkbookSheets(source, workbook, ct), source, ct);
            await workbook.FinishAsync(ct);
        }
        await output.FlushAsync(ct);
        return rows;
    }

    private static async Task<long> WriteSheetsAsync(WorkbookSheets sheets, WorkbookSource source, CancellationToken ct)
    {
        var quotes = await source.Reader.OpenQuotesAsync(ct);
        var firstQuote = quotes.MoveNextAsync().AsTask(); // PostgreSQL groups the quotes while the data sheet is written
        try
        {
            var rows = source.Layout is null ? await sheets.WriteLongAsync() : await sheets.WriteWideAsync(source.Layout);
            await sheets.WriteAboutAsync(rows, await sheets.WriteSourcesAsync(quotes, firstQuote));
            return rows;
        }
        finally
        {
            await ((Task)firstQuote).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // settled before the enumerator is disposed
            await quotes.DisposeAsync();
        }
    }

    /// <summary>Starts a sheet whose header row is frozen and filtered, with its columns' widths; writes the header.</summary>
    internal static async Task StartSheetAsync(Spreadsheet workbook, string name, IReadOnlyList<WorkbookColumn> columns, StyleId header, CancellationToken ct)
    {
        var options = new WorksheetOptions
        {
            FrozenRows = 1,
            AutoFilter = new AutoFilterOptions("A1:" + SpreadsheetUtility.GetColumnName(columns.Count) + "1"),
        };
        for (var i = 0; i < columns.Count; i++) options.Column(i + 1).Width = columns[i].Width;
        await workbook.StartWorksheetAsync(name, options, ct);
        await workbook.AddHeaderRowAsync([.. columns.Select(c => c.Header)], header, ct);
    }
}

/// <summary>
/// The response body as the zip archive writes to it: the archive writes each entry's data descriptor (16 bytes)
/// synchronously, which the response refuses, so those writes are held and sent before the next asynchronous one.
/// </summary>
internal sealed class HeldWrites(Stream body) : Stream
{
    private readonly MemoryStream held = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => held.Write(buffer, offset, count);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendHeldAsync(cancellationToken);
        await body.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendHeldAsync(cancellationToken);
        await body.FlushAsync(cancellationToken);
    }

    public override void Flush() { } // what is held goes with the next asynchronous write or flush

    private async ValueTask SendHeldAsync(CancellationToken ct)
    {
        if (held.Length == 0) return;
        await body.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), ct);
        held.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A column of the workbook: its header and width.</summary>
public sealed record WorkbookColumn(string Header, double Width)
{
    /// <summary>Column widths are in widths of the digit 0; a Chinese character takes two.</summary>
    public static double WidthOf(string text) => text.Sum(c => c >= '\u1100' ? 2 : 1);

    /// <summary>At least as wide as its header (and a filter button), at most <paramref name="max"/>.</summary>
    public static WorkbookColumn Fitted(string header, double width, double max = 80) =>
        new(header, Math.Min(max, Math.Max(width, WidthOf(header) + 4)));
}
