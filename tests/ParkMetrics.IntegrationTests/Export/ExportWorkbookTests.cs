using System.Globalization;
using System.Net;
using ParkMetrics.Data.Entities;
using ParkMetrics.Web.Features.Export;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>/api/observations.xlsx over the seed, read back with MiniExcel: the database's rows and values, its sources and quotes, and a sheet that says what it holds.</summary>
[Collection(nameof(SeededExport))]
public sealed class ExportWorkbookTests(TestApp app)
{
    private static readonly string[] ChineseHeader =
        ["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "期间类型代码", "开始日期", "结束日期", "期间", "数值", "单位", "报告数值", "报告单位",
            "限定", "限定代码", "来源编号", "来源", "来源日期", "引文"];

    private async Task<(HttpResponseMessage Response, ReadWorkbook Workbook)> GetAsync(string query)
    {
        var response = await app.Client.GetAsync("/api/observations.xlsx" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, new ReadWorkbook(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
    }

    private static ExportWords Words(bool zh) => new(zh ? ExportRequest.Chinese : ExportRequest.English);

    [Theory]
    [InlineData("", true)]
    [InlineData("?lang=en", false)]
    [InlineData("?park=xetdz,ganhe&category=output&subject=park", true)]
    [InlineData("?period_kind=annual_average,plan_cumulative,target&lang=en", false)]
    public async Task ExportWorkbook_Long_ReadsBackAsTheDatabasesRowsAndValues(string query, bool zh)
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);
        var expected = stored.Where(ExportCsvTests.Matches(query)).Select(r => r.WorkbookCells(zh, Words(zh))).ToList();

        var (response, workbook) = await GetAsync(query);

        Assert.Equal(ExportWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["observations", "sources", "about"], workbook.SheetNames);
        var sheet = workbook.Sheet("observations");
        Assert.NotEmpty(expected);
        if (zh) Assert.Equal(ChineseHeader, sheet.Header);
        Assert.Equal(expected, sheet.Rows);
    }

    [Fact]
    public async Task ExportWorkbook_KnownFigure_HasNumbersDatesLabelsAndCodes()
    {
        // 1月至8月,开发区完成规上工业产值993.1亿元: stored as 9931000 万元.
        var (_, workbook) = await GetAsync("?park=xetdz&indicator=industrial_output_above_scale&period_kind=ytd_month");

        var sheet = workbook.Sheet("observations");
        var row = Assert.Single(sheet.Rows);
        Assert.Equal<object?>(["xetdz", "西宁经济技术开发区", null, "industrial_output_above_scale", "规模以上工业总产值", "年内累计", "ytd_month",
            new DateOnly(2023, 1, 1), new DateOnly(2023, 8, 31), "2023年1—8月", 9931000m, "万元", 993.1m, "亿元", "确数", "exact"], row[..16]);
        Assert.Equal(((string?)"n", "9931000"), sheet.RawColumn(sheet.Column("数值") + 1).Single());
        Assert.Equal(((string?)"n", "993.1"), sheet.RawColumn(sheet.Column("报告数值") + 1).Single());
    }

    [Fact]
    public async Task ExportWorkbook_EveryNumber_IsTheDatabasesTextAsANumberCell()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);

        var sheet = (await GetAsync("")).Workbook.Sheet("observations");

        Assert.Equal(stored.Select(r => ((string?)"n", r.Value)), sheet.RawColumn(sheet.Column("数值") + 1));
        Assert.Equal(stored.Select(r => ((string?)"n", r.ReportedValue)), sheet.RawColumn(sheet.Column("报告数值") + 1));
    }

    [Fact]
    public async Task ExportWorkbook_Layout_FreezesTheHeaderAndFitsChineseColumns()
    {
        var (_, workbook) = await GetAsync("?park=beichuan");

        foreach (var name in workbook.SheetNames)
        {
            var sheet = workbook.Sheet(name);
            Assert.Equal("1", sheet.FrozenRows);
            Assert.All(sheet.Header.Select((h, i) => (h, i)), c =>
                Assert.True(sheet.Widths.GetValueOrDefault(c.i + 1) >= Width(c.h), $"{name}: column {c.h} is {sheet.Widths.GetValueOrDefault(c.i + 1)} wide"));
        }
        var data = workbook.Sheet("observations");
        foreach (var column in new[] { "园区代码", "园区", "指标代码", "指标" })
            Assert.All(data.Rows, r => Assert.True(data.Widths[data.Column(column) + 1] >= Width((string)r[data.Column(column)]!), $"{column} {r[data.Column(column)]} fits"));
        Assert.True(data.Widths[data.Column("引文") + 1] >= 60, "a quote's first clause fits");
        Assert.Empty(data.Formulas);
    }

    /// <summary>Widths of the digit 0, in which a Chinese character takes two.</summary>
    private static int Width(string text) => text.Sum(c => c >= '\u1100' ? 2 : 1);

    [Fact]
    public async Task ExportWorkbook_SourcesSheet_HoldsEverySourceOfTheRowsAndEveryQuote()
    {
        var stored = (await StoredRow.ReadAsync(app.ConnectionString)).Where(r => r.ParkCode == "xetdz").ToList();

        var sheet = (await GetAsync("?park=xetdz")).Workbook.Sheet("sources");

        Assert.Equal(["来源编号", "来源", "类型", "媒体", "发布日期", "数据截至", "网址", "引文", "数值个数"], sheet.Header);
        var expected = stored.GroupBy(r => (r.SourceId, Quote: StoredRow.Lines(r.Quote)))
            .Select(g => (g.Key.SourceId, g.First().SourceTitle, g.Key.Quote, Figures: g.Count()))
            .OrderBy(q => q.SourceId).ThenBy(q => q.Quote, StringComparer.Ordinal).ToList();
        var actual = sheet.Rows.Select(r => ((int)(decimal)r[0]!, (string)r[1]!, (string)r[7]!, (int)(decimal)r[8]!))
            .OrderBy(q => q.Item1).ThenBy(q => q.Item3, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.All(sheet.Rows, r => Assert.Equal("新闻报道", r[2]));
        Assert.Equal(stored.Select(r => r.AsOf).Distinct().Order(), sheet.Rows.Select(r => (DateOnly)r[5]!).Distinct().Order());
    }

    [Fact]
    public async Task ExportWorkbook_AboutSheet_SaysWhatItHoldsWhenAndUnderWhatLicence()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var (response, workbook) = await GetAsync("?park=xetdz&from=2021&to=2025&format=wide");

        var about = workbook.Sheet("about").Rows.ToDictionary(r => (string)r[0]!, r => (string?)r[1]);
        var exported = DateTimeOffset.ParseExact(about["导出时间"]!, "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(exported, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("xetdz 西宁经济技术开发区", about["园区"]);
        Assert.Equal("2021–2025", about["年份（按期间开始）"]);
        Assert.Equal("全部", about["指标"]);
        Assert.Equal(response.Headers.ETag!.ToString(), about["数据版本（ETag）"]);
        Assert.Equal("/api/observations.xlsx?park=xetdz&from=2021&to=2025&format=wide", about["同一数据的 API 请求"]);
        Assert.Contains("版权", about["许可"], StringComparison.Ordinal);
        Assert.Contains("来源次序", about.Keys);
        Assert.Equal("约数（约、近、左右）", about["限定 approx"]);
        Assert.Equal("年均", about["期间类型 annual_average"]);
        Assert.Equal(workbook.Sheet("observations").Rows.Count.ToString("N0", CultureInfo.InvariantCulture), about["数据行数"]);
    }

    [Fact]
    public async Task ExportWorkbook_FilterMatchingNothing_HasTheHeaderAndNoRows()
    {
        var (_, workbook) = await GetAsync("?from=1990&to=1991");

        var sheet = workbook.Sheet("observations");
        Assert.Equal(ChineseHeader, sheet.Header);
        Assert.Empty(sheet.Rows);
        Assert.Empty(workbook.Sheet("sources").Rows);
    }

    [Theory]
    [InlineData("?park=xetdz", "observations-xetdz.xlsx", "西宁经济技术开发区-指标.xlsx")]
    [InlineData("?park=ganhe&category=output&subject=park&lang=en", "observations-ganhe-output-park.xlsx", "Ganhe Industrial Park-Output and growth-parks' own figures-indicators.xlsx")]
    [InlineData("?indicator=industrial_output_above_scale&park=xetdz,beichuan&period_kind=year&format=wide",
        "observations-xetdz-beichuan-industrial_output_above_scale-year-wide.xlsx", "西宁经济技术开发区、大通北川工业园区-规模以上工业总产值-年度-宽表.xlsx")]
    [InlineData("?period_kind=plan_cumulative,plan_to_date&from=2021&to=2025", "observations-plan_cumulative-plan_to_date-from-2021-to-2025.xlsx",
        "规划期累计、规划期以来-2021—2025年-指标.xlsx")]
    public async Task ExportWorkbook_FileName_SaysWhatItHolds(string query, string ascii, string name)
    {
        var (response, _) = await GetAsync(query);

        Assert.Equal(ascii, response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileNameStar);
    }
}
