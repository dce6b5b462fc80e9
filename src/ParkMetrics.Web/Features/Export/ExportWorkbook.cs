using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// What a workbook is written from: the request, its snapshot, its wide layout (null for long), its words, its stamp,
/// and the catalog, whose names the columns are made wide enough for.
/// </summary>
public sealed record WorkbookSource(
    ExportRequest Request, ExportReader Reader, WideLayout? Layout, ExportWords Words, DateTimeOffset ExportedAt, string Version, string Query, ExportCatalog Catalog);

/// <summary>
/// Writes an export as an Excel workbook with MiniExcel, streamed as the rows are read: the rows (<c>observations</c>,
/// long or wide), every source of those rows with every quote of it (<c>sources</c>), and the filters, export time,
/// codes and licence (<c>about</c>). Numbers are numbers, dates are dates, text is text (never a formula), the header
/// row is frozen and columns are wide enough for Chinese.
/// </summary>
/// <remarks>
/// MiniExcel's synchronous writer runs on a thread of its own: its asynchronous one puts the drawing reference inside
/// <c>sheetData</c>, where Excel does not expect it, and closes its zip archive with synchronous writes, which the
/// response refuses. The thread reads the rows and writes the response through <see cref="BlockingBridge"/>.
/// </remarks>
public static class ExportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DataSheet = "observations", SourcesSheet = "sources", AboutSheet = "about";

    /// <summary>Writes the workbook; returns the number of rows of its data sheet.</summary>
    public static async Task<long> WriteAsync(Stream body, WorkbookSource source, CancellationToken ct)
    {
        var sheets = new WorkbookSheets(source, ct);
        var columns = sheets.Columns();
        await Task.Factory.StartNew(() =>
        {
            using var output = new BufferedStream(BlockingBridge.Writes(body, ct), 1 << 16);
            MiniExcel.SaveAs(output, new Dictionary<string, object>
            {
                [DataSheet] = source.Layout is null ? sheets.LongRows() : sheets.WideRows(source.Layout),
                [SourcesSheet] = sheets.SourceRows(),
                [AboutSheet] = sheets.AboutRows(), // last, so that it can count what the others hold
            }, configuration: new OpenXmlConfiguration
            {
                FreezeRowCount = 1,
                TableStyles = TableStyles.Default,
                AutoFilter = true,
                DynamicColumns = [.. columns.Select(c => new DynamicExcelColumn(c.Key) { Name = c.Header, Width = c.Width, Format = c.Format })],
            });
            output.Flush();
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return sheets.DataRows;
    }
}

/// <summary>A column of the workbook: the key MiniExcel knows it by (a row record's property or a wide row's key), its header, width and number format.</summary>
public sealed record WorkbookColumn(string Key, string Header, double Width, string? Format = null)
{
    public const string Date = "yyyy-mm-dd";

    /// <summary>Column widths are in widths of the digit 0; a Chinese character takes two.</summary>
    public static double WidthOf(string text) => text.Sum(c => c >= '\u1100' ? 2 : 1);

    /// <summary>At least as wide as its header (and a filter button), at most <paramref name="max"/>.</summary>
    public static WorkbookColumn Fitted(string key, string header, double width, string? format = null, double max = 80) =>
        new(key, header, Math.Min(max, Math.Max(width, WidthOf(header) + 4)), format);
}
