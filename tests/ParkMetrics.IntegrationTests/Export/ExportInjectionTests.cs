using System.Text;
using System.Text.Json;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>The seed plus figures whose text a spreadsheet would run as a formula, and a negative value.</summary>
public sealed class InjectionExportApp(PostgresServer server) : TestApp(server)
{
    public const string Source = "=HYPERLINK(\"http://example.org\",\"点此\")";
    public const string Enterprise = "=企业";

    /// <summary>Quotes by year (2001 …), as inserted.</summary>
    public static readonly string[] Quotes =
        ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3 减少", "@SUM(A1)", "\t制表符开头", "\r回车开头", "增长-3.2%", "含逗号,引号\"和\r\n换行"];

    /// <summary>Quotes that start with the full-width forms a spreadsheet also runs as a formula, by year from 2011.</summary>
    public static readonly string[] FullWidthQuotes = ["＝SUM(A1)", "＋1+1", "－1+2", "＠SUM(A1)"];

    protected override async Task PrepareAsync()
    {
        await ExecuteAsync("""
            INSERT INTO "Sources" ("Code", "FileName", "Title", "PublishedOn", "AsOf") VALUES ('injection', 'injection.txt', $1, DATE '2024-01-02', DATE '2024-01-02');
            """, Source);
        await ExecuteAsync("""
            INSERT INTO "Enterprises" ("Name", "Aliases", "ParkId", "Designations") SELECT $1, '{}', "Id", '{}' FROM "Parks" WHERE "Code" = 'xetdz';
            """, Enterprise);
        for (var i = 0; i < Quotes.Length; i++)
        {
            var year = 2001 + i;
            var value = i == 6 ? -3.2m : i + 1;
            await ExecuteAsync("""
                INSERT INTO "Observations" ("ParkId", "EnterpriseId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "Value", "ReportedValue",
                                            "ReportedUnit", "Qualifier", "SourceId", "Quote")
                SELECT p."Id", CASE WHEN $4 THEN e."Id" END, i."Id", 'year', make_date($1, 1, 1), make_date($1, 12, 31), $2, $2, '%', 'exact', s."Id", $3
                FROM "Parks" p, "Indicators" i, "Sources" s, "Enterprises" e
                WHERE p."Code" = 'xetdz' AND i."Code" = 'industrial_output_above_scale_growth' AND s."Code" = 'injection' AND e."Name" = $5
                """, year, value, Quotes[i], i == 0, Enterprise);
        }
        for (var i = 0; i < FullWidthQuotes.Length; i++)
            await ExecuteAsync("""
                INSERT INTO "Observations" ("ParkId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "Value", "ReportedValue",
                                            "ReportedUnit", "Qualifier", "SourceId", "Quote")
                SELECT p."Id", i."Id", 'year', make_date($1, 1, 1), make_date($1, 12, 31), 1, 1, '%', 'exact', s."Id", $2
                FROM "Parks" p, "Indicators" i, "Sources" s
                WHERE p."Code" = 'xetdz' AND i."Code" = 'industrial_output_above_scale_growth' AND s."Code" = 'injection'
                """, 2011 + i, FullWidthQuotes[i]);
    }
}

/// <summary>
/// CSV injection: text cells that start like a formula are neutralised with a leading apostrophe; numbers never are. In
/// a workbook, text is a text cell whatever it starts with, and is written as it is.
/// </summary>
public sealed class ExportInjectionTests(InjectionExportApp app) : IClassFixture<InjectionExportApp>
{
    private async Task<ParsedCsv> CsvAsync(string query) =>
        ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv" + query, TestContext.Current.CancellationToken));

    [Fact]
    public async Task ExportCsv_TextStartingLikeAFormula_IsPrefixedWithAnApostrophe()
    {
        var csv = await CsvAsync("?park=xetdz&from=2001&to=2008");

        var quotes = csv.Rows.ToDictionary(r => r[csv.Column("开始日期")], r => r[csv.Column("引文")]);
        Assert.Equal("'=cmd|' /C calc'!A0", quotes["2001-01-01"]);
        Assert.Equal("'+SUM(1,2)", quotes["2002-01-01"]);
        Assert.Equal("'-2+3 减少", quotes["2003-01-01"]);
        Assert.Equal("'@SUM(A1)", quotes["2004-01-01"]);
        Assert.Equal("'\t制表符开头", quotes["2005-01-01"]);
        Assert.Equal("'\r回车开头", quotes["2006-01-01"]);
        Assert.Equal("增长-3.2%", quotes["2007-01-01"]);
        Assert.Equal("含逗号,引号\"和\r\n换行", quotes["2008-01-01"]); // quoted, quotes doubled, read back as it was
        Assert.All(csv.Rows, r => Assert.Equal("'" + InjectionExportApp.Source, r[csv.Column("来源")]));
        Assert.Equal("'" + InjectionExportApp.Enterprise, csv.Rows.Single(r => r[csv.Column("开始日期")] == "2001-01-01")[csv.Column("主体")]);
    }

    [Fact]
    public async Task ExportCsv_TextStartingWithAFullWidthFormulaSign_IsPrefixedWithAnApostrophe()
    {
        var csv = await CsvAsync("?park=xetdz&from=2011&to=2014");

        Assert.Equal(InjectionExportApp.FullWidthQuotes.Select(q => "'" + q),
            csv.Rows.OrderBy(r => r[csv.Column("开始日期")], StringComparer.Ordinal).Select(r => r[csv.Column("引文")]));
    }

    [Fact]
    public async Task ExportCsv_NegativeNumber_IsWrittenAsItIs()
    {
        var body = await app.Client.GetByteArrayAsync("/api/observations.csv?park=xetdz&from=2007&to=2007&bom=false", TestContext.Current.CancellationToken);
        var csv = ParsedCsv.Parse(body);

        var row = Assert.Single(csv.Rows);
        Assert.Equal("-3.2", row[csv.Column("数值")]);
        Assert.Equal("-3.2", row[csv.Column("报告数值")]);
        Assert.Contains(",-3.2,%,-3.2,%,exact,", Encoding.UTF8.GetString(body), StringComparison.Ordinal); // unquoted, no apostrophe
        var wide = await CsvAsync("?park=xetdz&from=2007&to=2007&format=wide&subject=park");
        Assert.Equal(["-3.2", "exact"], Assert.Single(wide.Rows)[^2..]);
    }

    [Fact]
    public async Task ExportCsv_EveryRow_MatchesTheDatabaseNeutralised()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);

        var csv = await CsvAsync("");

        Assert.Equal(stored.Select(r => r.LongCells(zh: true)), csv.Rows);
    }

    [Fact]
    public async Task ExportWorkbook_TextStartingLikeAFormula_StaysTextAsItIs()
    {
        var workbook = new ReadWorkbook(await app.Client.GetByteArrayAsync("/api/observations.xlsx?park=xetdz&from=2001&to=2008", TestContext.Current.CancellationToken));

        var sheet = workbook.Sheet("observations");
        var quotes = sheet.Rows.OrderBy(r => (DateOnly)r[sheet.Column("开始日期")]!).Select(r => (string)r[sheet.Column("引文")]!).ToList();
        Assert.Equal(InjectionExportApp.Quotes.Select(StoredRow.Lines), quotes); // no apostrophe: a workbook cell is text by its type
        Assert.All(sheet.Rows, r => Assert.Equal(InjectionExportApp.Source, r[sheet.Column("来源")]));
        Assert.Equal(InjectionExportApp.Enterprise, sheet.Rows.Single(r => (DateOnly)r[sheet.Column("开始日期")]! == new DateOnly(2001, 1, 1))[sheet.Column("主体")]);
        Assert.Equal(-3.2m, sheet.Rows.Single(r => (DateOnly)r[sheet.Column("开始日期")]! == new DateOnly(2007, 1, 1))[sheet.Column("数值")]);
        foreach (var name in workbook.SheetNames)
        {
            var cells = workbook.Sheet(name);
            Assert.Empty(cells.Formulas);
            Assert.All(cells.Cells.Where(c => (c.Value ?? "").StartsWith('=')), c => Assert.Equal("inlineStr", (string?)c.Attribute("t")));
        }
        var sources = workbook.Sheet("sources");
        Assert.Equal(InjectionExportApp.Quotes.Select(StoredRow.Lines).Order(StringComparer.Ordinal),
            sources.Rows.Select(r => (string)r[sources.Column("引文")]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportWorkbook_EveryRow_MatchesTheDatabase()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);
        var words = new ParkMetrics.Web.Features.Export.ExportWords(ParkMetrics.Web.Features.Export.ExportRequest.Chinese);

        var workbook = new ReadWorkbook(await app.Client.GetByteArrayAsync("/api/observations.xlsx", TestContext.Current.CancellationToken));

        Assert.Equal(stored.Select(r => r.WorkbookCells(zh: true, words)), workbook.Sheet("observations").Rows);
    }

    [Fact]
    public async Task ExportJson_TextStartingLikeAFormula_IsLeftAsItIs()
    {
        using var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/observations?park=xetdz&from=2001&to=2008", TestContext.Current.CancellationToken));

        var rows = json.RootElement.GetProperty("rows").EnumerateArray().OrderBy(r => r.GetProperty("start").GetString(), StringComparer.Ordinal).ToList();
        Assert.Equal(InjectionExportApp.Quotes, rows.Select(r => r.GetProperty("quote").GetString()));
        Assert.Equal(-3.2m, rows[6].GetProperty("value").GetDecimal());
        Assert.Equal(InjectionExportApp.Source, rows[0].GetProperty("source").GetString());
    }
}
