using CsvHelper;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// Writes exports as RFC 4180 CSV (CRLF, quotes doubled, fields with commas, quotes or line breaks quoted), UTF-8 with
/// a byte order mark unless asked not to, so that Excel reads the Chinese. Text that a spreadsheet would run as a
/// formula (starting with = + - @, their full-width forms ＝＋－＠, tab or CR) is prefixed with ' ; numbers and dates are written as they are.
/// </summary>
public static class ExportCsv
{
    /// <summary>Rows between explicit flushes; the writer also writes out whenever its 64 KiB buffer fills.</summary>
    private const int FlushEvery = 5_000;

    private static CsvWriter Create(Stream body, bool byteOrderMark) => CsvWriter.Create(body, new CsvWriterOptions
    {
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r", // their full-width forms, which CsvHelper cannot be given, are escaped by ExportText.Cell
        WriteByteOrderMark = byteOrderMark,
    }, leaveOpen: true);

    /// <summary>One line per observation. Returns the number of rows written.</summary>
    public static async Task<long> WriteLongAsync(Stream body, ExportRequest request, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        var zh = request.IsChinese;
        var labels = new PeriodLabels(request.Culture);
        await using var csv = Create(body, request.ByteOrderMark);
        csv.WriteHeader([.. ExportText.LongHeader(zh)]);
        await csv.FlushAsync(ct); // the header goes out before the first row is read
        long count = 0;
        await foreach (var r in rows.WithCancellation(ct))
        {
            WriteWhat(csv, r, zh);
            csv.WriteField(r.Start, "");
            csv.WriteField(r.End, "");
            csv.WriteField(labels.Of(r));
            csv.WriteField(ExportText.Plain(r.Value), "");
            csv.WriteField(ExportText.Cell(r.Unit));
            csv.WriteField(ExportText.Plain(r.ReportedValue), "");
            csv.WriteField(ExportText.Cell(r.ReportedUnit));
            csv.WriteField(EnumCode.Of(r.Qualifier));
            csv.WriteField(ExportText.Cell(r.SourceTitle));
            csv.WriteField(r.SourcePublishedOn, "");
            csv.WriteField(ExportText.Cell(r.Quote));
            await csv.EndRecordAsync(ct);
            if (++count % FlushEvery == 0) await csv.FlushAsync(ct);
        }
        await csv.FlushAsync(ct);
        return count;
    }

    /// <summary>The columns both layouts begin with: park, subject, indicator and period kind.</summary>
    private static void WriteWhat(CsvWriter csv, ExportRow r, bool zh)
    {
        csv.WriteField(ExportText.Cell(r.ParkCode));
        csv.WriteField(ExportText.Cell(zh ? r.ParkNameZh : r.ParkNameEn));
        csv.WriteField(ExportText.Cell(r.Enterprise));
        csv.WriteField(ExportText.Cell(r.IndicatorCode));
        csv.WriteField(ExportText.Cell(zh ? r.IndicatorNameZh : r.IndicatorNameEn));
        csv.WriteField(EnumCode.Of(r.PeriodKind));
    }

    /// <summary>
    /// One line per series and rank (see <see cref="WideLayout"/>), two columns per period: the value, then its
    /// qualifier's code. Returns the number of lines written.
    /// </summary>
    public static async Task<long> WriteWideAsync(Stream body, ExportRequest request, WideLayout layout, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        var zh = request.IsChinese;
        var labels = new PeriodLabels(request.Culture);
        await using var csv = Create(body, request.ByteOrderMark);
        csv.WriteHeader([.. ExportText.WideHeader(zh), .. layout.Columns.SelectMany(c => new[] { c.Header, WideLayout.QualifierHeader(c, zh) })]);
        await csv.FlushAsync(ct);
        long count = 0;
        await foreach (var row in layout.RowsAsync(rows, labels, ct))
        {
            WriteWhat(csv, row.First, zh);
            csv.WriteField(ExportText.Cell(row.First.Unit));
            csv.WriteField(row.Rank);
            foreach (var cell in row.Cells)
            {
                csv.WriteField(cell?.Value, "");
                csv.WriteField(cell is { } c ? EnumCode.Of(c.Qualifier) : "");
            }
            await csv.EndRecordAsync(ct);
            if (++count % FlushEvery == 0) await csv.FlushAsync(ct);
        }
        await csv.FlushAsync(ct);
        return count;
    }
}
