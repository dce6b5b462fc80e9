using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Npgsql;
using ParkMetrics.Data.Entities;
using ParkMetrics.Testing;
using ParkMetrics.Web.Features.Export;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>
/// An observation as the database holds it, read with plain SQL (not the export's query), with what an export row
/// should say about it. Values are PostgreSQL's own text of the number without its trailing zeros (trim_scale).
/// </summary>
internal sealed record StoredRow(
    int ParkId, string ParkCode, string ParkNameZh, string ParkNameEn, int? EnterpriseId, string? Enterprise,
    int IndicatorId, string IndicatorCode, string IndicatorNameZh, string IndicatorNameEn, string Category, MeasureKind Measure, string Unit,
    PeriodKind Kind, DateOnly Start, DateOnly End, string? PlanZh, string? PlanEn, string Value, string ReportedValue, string ReportedUnit,
    string Qualifier, int SourceId, string SourceCode, string SourceTitle, DateOnly? PublishedOn, DateOnly AsOf, string Quote)
{
    public (int, int?, int, PeriodKind) WideKey => (ParkId, EnterpriseId, IndicatorId, Kind);

    public string Label(bool zh)
    {
        using var culture = new UICulture(zh ? "zh-CN" : "en");
        return FigureText.Period(Kind, Start, End, PlanZh, PlanEn);
    }

    /// <summary>The cells of the long CSV, text neutralised as a spreadsheet-safe export must.</summary>
    public string[] LongCells(bool zh) =>
    [
        Safe(ParkCode), Safe(zh ? ParkNameZh : ParkNameEn), Safe(Enterprise ?? ""), Safe(IndicatorCode), Safe(zh ? IndicatorNameZh : IndicatorNameEn),
        EnumCode.Of(Kind), Iso(Start), Iso(End), Safe(Label(zh)), Value, Safe(Unit), ReportedValue, Safe(ReportedUnit), Qualifier,
        Safe(SourceTitle), PublishedOn is { } d ? Iso(d) : "", Safe(Quote),
    ];

    /// <summary>
    /// The cells of the workbook's long sheet as MiniExcel reads them back: numbers as decimals, dates as dates, labels
    /// beside codes, empty text as null, and line ends as a spreadsheet keeps them (LF: XML reads CR LF and CR as LF).
    /// </summary>
    public object?[] WorkbookCells(bool zh, ExportWords words) =>
    [
        ParkCode, zh ? ParkNameZh : ParkNameEn, Text(Enterprise), IndicatorCode, zh ? IndicatorNameZh : IndicatorNameEn, words.Kind(Kind), EnumCode.Of(Kind),
        Start, End, Text(Label(zh)), decimal.Parse(Value, CultureInfo.InvariantCulture), Unit, decimal.Parse(ReportedValue, CultureInfo.InvariantCulture),
        ReportedUnit, words.Qualifier(EnumCode.Parse<Qualifier>(Qualifier)), Qualifier, (decimal)SourceId, Text(SourceTitle), PublishedOn, Text(Quote),
    ];

    public static string Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string? Text(string? text) => string.IsNullOrEmpty(text) ? null : Lines(text);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>OWASP's rule for CSV injection: text starting with = + - @, tab or CR gets a leading apostrophe.</summary>
    public static string Safe(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠' ? "'" + text : text;

    public static async Task<IReadOnlyList<StoredRow>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT o."ParkId", p."Code", p."NameZh", p."NameEn", o."EnterpriseId", e."Name",
                   o."IndicatorId", i."Code", i."NameZh", i."NameEn", i."Category", i."Measure", i."UnitCode",
                   o."PeriodKind", o."PeriodStart", o."PeriodEnd", pp."NameZh", pp."NameEn",
                   trim_scale(o."Value")::text, trim_scale(o."ReportedValue")::text, o."ReportedUnit", o."Qualifier",
                   s."Id", s."Code", s."Title", s."PublishedOn", s."AsOf", o."Quote"
            FROM "Observations" o
            JOIN "Parks" p ON p."Id" = o."ParkId"
            LEFT JOIN "Enterprises" e ON e."Id" = o."EnterpriseId"
            JOIN "Indicators" i ON i."Id" = o."IndicatorId"
            LEFT JOIN "PlanPeriods" pp ON pp."Id" = o."PlanPeriodId"
            JOIN "Sources" s ON s."Id" = o."SourceId"
            WHERE o."DeletedAt" IS NULL
            ORDER BY o."ParkId", o."EnterpriseId", o."IndicatorId", o."PeriodKind", o."PeriodStart", o."PeriodEnd", o."SourceId"
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync())
            rows.Add(new StoredRow(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), Text(5),
                reader.GetInt32(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
                EnumCode.Parse<MeasureKind>(reader.GetString(11)), reader.GetString(12),
                EnumCode.Parse<PeriodKind>(reader.GetString(13)), reader.GetFieldValue<DateOnly>(14), reader.GetFieldValue<DateOnly>(15), Text(16), Text(17),
                reader.GetString(18), reader.GetString(19), reader.GetString(20), reader.GetString(21),
                reader.GetInt32(22), reader.GetString(23), reader.GetString(24),
                reader.IsDBNull(25) ? null : reader.GetFieldValue<DateOnly>(25), reader.GetFieldValue<DateOnly>(26), reader.GetString(27)));
        return rows;
    }
}

/// <summary>A CSV export read back with CsvHelper, strictly: malformed quoting or a ragged row throws.</summary>
internal sealed record ParsedCsv(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public static ParsedCsv Parse(byte[] body)
    {
        using var reader = CsvReader.Create(body, new CsvReaderOptions
        {
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        });
        reader.ReadHeader();
        var header = reader.Headers ?? throw new InvalidOperationException("no header");
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
            rows.Add(cells);
        }
        return new ParsedCsv([.. header], rows);
    }

    public int Column(string name) => Header.ToList().IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException(name);
}

/// <summary>JSON values as the CSV writes them: numbers as their text, null as an empty cell.</summary>
internal static class JsonCells
{
    public static string Of(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => throw new InvalidOperationException($"unexpected {e.ValueKind}"),
    };
}
