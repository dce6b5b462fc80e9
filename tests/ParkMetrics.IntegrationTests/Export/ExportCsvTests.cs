using System.Net;
using System.Text;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>/api/observations.csv over the seed: every row and value as the database holds them, the filters, the wide pivot, the bytes.</summary>
[Collection(nameof(SeededExport))]
public sealed class ExportCsvTests(TestApp app)
{
    private static readonly string[] ChineseHeader =
        ["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "开始日期", "结束日期", "期间", "数值", "单位", "报告数值", "报告单位", "限定", "来源", "来源日期", "引文"];

    private static readonly string[] EnglishHeader =
        ["Park code", "Park", "Subject", "Indicator code", "Indicator", "Period kind", "Start", "End", "Period", "Value", "Unit",
            "Reported value", "Reported unit", "Qualifier", "Source", "Source date", "Quote"];

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string query)
    {
        var response = await app.Client.GetAsync("/api/observations.csv" + query, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private async Task<ParsedCsv> CsvAsync(string query)
    {
        var (response, body) = await GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ParsedCsv.Parse(body);
    }

    [Fact]
    public async Task ExportCsv_NoFilter_ReturnsEverySeededRowWithTheDatabasesValues()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);

        var csv = await CsvAsync("");

        Assert.True(stored.Count >= 200, "the seed holds a few hundred figures");
        Assert.Equal(ChineseHeader, csv.Header);
        Assert.Equal(stored.Select(r => r.LongCells(zh: true)), csv.Rows);
    }

    [Fact]
    public async Task ExportCsv_English_NamesLabelsAndHeadersInEnglish()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);

        var csv = await CsvAsync("?lang=en");

        Assert.Equal(EnglishHeader, csv.Header);
        Assert.Equal(stored.Select(r => r.LongCells(zh: false)), csv.Rows);
    }

    [Fact]
    public async Task ExportCsv_KnownFigure_ReadsAsTheDashboardWritesIt()
    {
        // 1月至8月,开发区完成规上工业产值993.1亿元: stored as 9931000 万元.
        var zh = await CsvAsync("?park=xetdz&indicator=industrial_output_above_scale&period_kind=ytd_month");
        var en = await CsvAsync("?park=xetdz&indicator=industrial_output_above_scale&period_kind=ytd_month&lang=en");

        var row = Assert.Single(zh.Rows);
        Assert.Equal(["xetdz", "西宁经济技术开发区", "", "industrial_output_above_scale", "规模以上工业总产值", "ytd_month", "2023-01-01", "2023-08-31",
            "2023年1—8月", "9931000", "万元", "993.1", "亿元", "exact"], row[..14]);
        Assert.Equal("Jan–Aug 2023", Assert.Single(en.Rows)[en.Column("Period")]);
        Assert.Equal("Xining Economic-Technological Development Zone", en.Rows[0][en.Column("Park")]);
    }

    [Fact]
    public async Task ExportCsv_AverageGrowthOverAPlan_IsAPeriodKindOfItsOwnNeverAPlanTotal()
    {
        var totals = await CsvAsync("?period_kind=plan_cumulative&subject=park");
        var averages = await CsvAsync("?period_kind=annual_average&subject=park");

        var totalLabels = totals.Rows.Select(r => r[totals.Column("期间")]).ToHashSet();
        Assert.Contains("“十四五”期间累计", totalLabels);
        Assert.DoesNotContain(totalLabels, l => l.Contains("年均", StringComparison.Ordinal));
        Assert.Contains("“十四五”期间年均", averages.Rows.Select(r => r[averages.Column("期间")]));
    }

    public static TheoryData<string> Filters =>
    [
        "?park=xetdz",
        "?park=xetdz,dongchuan&park=ganhe",
        "?indicator=industrial_output_above_scale,industrial_output_above_scale_growth",
        "?from=2023&to=2024",
        "?from=2025",
        "?to=2021",
        "?period_kind=year&period_kind=ytd_month",
        "?subject=park",
        "?subject=enterprise",
        "?subject=all",
        "?category=output,investment",
        "?source=@xetdz-fyp14",
        "?source=@xetdz-fyp14,@ganhe-2023&category=output",
        "?park=xetdz,dongchuan&indicator=industrial_output_above_scale&from=2020&to=2025&period_kind=year,plan_cumulative&subject=park&source=@xetdz-fyp14&category=output",
        "?park=ganhe&subject=enterprise&from=2023&to=2023",
        "?park=beichuan&period_kind=target&lang=en",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ExportCsv_Filters_ReturnExactlyTheMatchingRows(string query)
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);
        query = SourceIds(query, stored);
        var expected = stored.Where(Matches(query)).ToList();

        var csv = await CsvAsync(query);

        Assert.NotEmpty(expected); // each filter picks something, so that an empty export cannot pass
        Assert.True(expected.Count < stored.Count || query.Contains("subject=all", StringComparison.Ordinal), "each filter leaves something out");
        var zh = !query.Contains("lang=en", StringComparison.Ordinal);
        Assert.Equal(expected.Select(r => r.LongCells(zh)), csv.Rows);
    }

    [Fact]
    public async Task ExportCsv_FilterMatchingNothing_ReturnsTheHeaderOnly()
    {
        var (response, body) = await GetAsync("?from=1990&to=1991&bom=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Join(',', ChineseHeader) + "\r\n", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task ExportCsv_WideFormat_OneRowPerSeriesWithAValueAndAQualifierColumnPerPeriod()
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);

        var wide = await CsvAsync("?format=wide");

        Assert.Equal(["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "单位", "来源次序"], wide.Header.Take(8));
        var periods = Periods(wide);
        Assert.Equal(periods.Count, periods.Distinct().Count());
        Assert.Equal(periods.Select(p => p + " 限定"), wide.Header.Skip(8).Where((_, i) => i % 2 == 1));
        var groups = stored.GroupBy(r => r.WideKey).ToList();
        Assert.Equal(groups.Count, wide.Rows.Count); // the seed has one source per period: one row per series
        foreach (var (group, row) in groups.Zip(wide.Rows))
        {
            var first = group.First();
            Assert.Equal([first.ParkCode, first.ParkNameZh, first.Enterprise ?? "", first.IndicatorCode, first.IndicatorNameZh, EnumCode.Of(first.Kind), first.Unit, "1"],
                row.Take(8));
            Assert.Equal(group.Count(), row.Skip(8).Where((_, i) => i % 2 == 0).Count(v => v.Length > 0));
        }
    }

    private static List<string> Periods(ParsedCsv wide) => [.. wide.Header.Skip(8).Where((_, i) => i % 2 == 0)];

    [Fact]
    public async Task ExportCsv_WideFormat_PeriodColumnsSortedByStartThenEnd()
    {
        var wide = await CsvAsync("?format=wide&park=xetdz");

        Assert.Equal(["2020年", "“十四五”期间年均（预计）", "“十四五”期间累计", "2023年1—8月", "截至2023年8月", "2025年（预计）", "截至2025年11月"], Periods(wide));
    }

    [Fact]
    public async Task ExportCsv_WideFormatTwoPeriodsReadingAlike_GetTheirDatesInTheHeader()
    {
        // Points on 25 and 30 November 2025 both read 截至2025年11月.
        var wide = await CsvAsync("?format=wide&period_kind=point&from=2025");

        Assert.Contains("截至2025年11月（2025-11-25）", wide.Header);
        Assert.Contains("截至2025年11月（2025-11-30）", wide.Header);
    }

    [Fact]
    public async Task ExportCsv_DefaultBom_StartsWithUtf8ByteOrderMark()
    {
        var (response, body) = await GetAsync("?park=ganhe");

        Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("园区代码,", Encoding.UTF8.GetString(body, 3, body.Length - 3), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&bom=false")]
    [InlineData("&bom=False&format=wide")]
    public async Task ExportCsv_BomFalse_StartsWithTheHeader(string bom)
    {
        var (_, body) = await GetAsync("?park=ganhe" + bom);

        Assert.NotEqual(0xEF, body[0]);
        Assert.StartsWith("园区代码,", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_Body_IsRfc4180WithCrlfLineEnds()
    {
        var (_, body) = await GetAsync("?bom=false");
        var text = Encoding.UTF8.GetString(body);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        // A quote keeps the report's hard wraps verbatim, inside its quoted field; outside quoted fields every line ends with CRLF.
        Assert.Contains("\"推动黄河上游2台300兆瓦和青海宁\n北2台135兆瓦火电机组升级改造\"", text, StringComparison.Ordinal);
        var outsideQuotedFields = System.Text.RegularExpressions.Regex.Replace(text, "\"(?:[^\"]|\"\")*\"", "");
        Assert.DoesNotContain('\n', outsideQuotedFields.Replace("\r\n", "", StringComparison.Ordinal));
        var parsed = Csv.Parse(text);
        Assert.All(parsed.Records, r => Assert.Equal(parsed.Header.Count, r.Values.Count));
    }

    [Fact]
    public async Task ExportCsv_OnePark_NamesTheFileInChineseWithAnAsciiFallback()
    {
        var (response, _) = await GetAsync("?park=xetdz");

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("observations-xetdz.csv", disposition.FileName);
        Assert.Equal("西宁经济技术开发区-指标.csv", disposition.FileNameStar);
        var raw = string.Join(";", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.Contains("filename*=UTF-8''%E8%A5%BF%E5%AE%81%E7%BB%8F%E6%B5%8E%E6%8A%80%E6%9C%AF%E5%BC%80%E5%8F%91%E5%8C%BA-%E6%8C%87%E6%A0%87.csv", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "observations.csv", "园区指标.csv")]
    [InlineData("?park=xetdz,ganhe", "observations-xetdz-ganhe.csv", "西宁经济技术开发区、甘河工业园区-指标.csv")]
    [InlineData("?park=ganhe&lang=en", "observations-ganhe.csv", "Ganhe Industrial Park-indicators.csv")]
    [InlineData("?park=ganhe,xetdz,beichuan,dongchuan&source=@xetdz-fyp14", "observations-source-{id}.csv", "4个园区-{title}-指标.csv")]
    [InlineData("?park=ganhe&format=wide", "observations-ganhe-wide.csv", "甘河工业园区-指标-宽表.csv")]
    public async Task ExportCsv_FileName_SaysWhatItHolds(string query, string ascii, string name)
    {
        var stored = await StoredRow.ReadAsync(app.ConnectionString);
        if (stored.FirstOrDefault(r => query.Contains("@" + r.SourceCode, StringComparison.Ordinal)) is { } source)
            (ascii, name) = (ascii.Replace("{id}", source.SourceId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                name.Replace("{title}", source.SourceTitle, StringComparison.Ordinal));
        var (response, _) = await GetAsync(SourceIds(query, stored));

        Assert.Equal(ascii, response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    /// <summary>Turns <c>@code</c> in a source filter into the source's id, which the database assigned.</summary>
    private static string SourceIds(string query, IReadOnlyList<StoredRow> stored)
    {
        foreach (var code in stored.Select(r => r.SourceCode).Distinct())
            query = query.Replace("@" + code, stored.First(r => r.SourceCode == code).SourceId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return query;
    }

    /// <summary>The filter semantics, written out independently of the export's query.</summary>
    internal static Func<StoredRow, bool> Matches(string query)
    {
        var parameters = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .GroupBy(p => p[0], p => p[1].Split(','))
            .ToDictionary(g => g.Key, g => g.SelectMany(v => v).ToHashSet());
        HashSet<string>? Get(string name) => parameters.GetValueOrDefault(name);
        return r =>
            (Get("park") is not { } parks || parks.Contains(r.ParkCode))
            && (Get("indicator") is not { } indicators || indicators.Contains(r.IndicatorCode))
            && (Get("category") is not { } categories || categories.Contains(r.Category))
            && (Get("period_kind") is not { } kinds || kinds.Contains(EnumCode.Of(r.Kind)))
            && (Get("source") is not { } sources || sources.Contains(r.SourceId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            && (Get("from") is not { } from || r.Start.Year >= int.Parse(from.Single(), System.Globalization.CultureInfo.InvariantCulture))
            && (Get("to") is not { } to || r.Start.Year <= int.Parse(to.Single(), System.Globalization.CultureInfo.InvariantCulture))
            && (Get("subject")?.Single() switch { "park" => r.Enterprise is null, "enterprise" => r.Enterprise is not null, _ => true });
    }

    /// <summary>The period column a row's value belongs in: its label, or its label with its dates where two periods read alike.</summary>
    private static int ColumnOf(StoredRow r, List<string> periods)
    {
        var label = r.Label(zh: true);
        var dates = r.Start == r.End ? StoredRow.Iso(r.End) : StoredRow.Iso(r.Start) + "—" + StoredRow.Iso(r.End);
        var matches = new[] { label, $"{label}（{dates}）" }.Select(h => periods.IndexOf(h)).Where(i => i >= 0).ToList();
        return Assert.Single(matches);
    }
}
