using System.Net;
using System.Text.Json;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>/api/observations: the CSV's rows as JSON objects in pages, long and wide.</summary>
[Collection(nameof(SeededExport))]
public sealed class ExportJsonTests(TestApp app)
{
    internal static readonly string[] LongProperties =
        ["parkCode", "parkName", "subject", "indicatorCode", "indicatorName", "periodKind", "start", "end", "label", "value", "unit",
            "reportedValue", "reportedUnit", "qualifier", "source", "sourceDate", "quote"];

    private static readonly string[] WideProperties = ["parkCode", "parkName", "subject", "indicatorCode", "indicatorName", "periodKind", "unit", "rank"];

    private async Task<JsonDocument> JsonAsync(string query)
    {
        var response = await app.Client.GetAsync("/api/observations" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
    }

    private async Task<ParsedCsv> CsvAsync(string query) =>
        ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv" + query, TestContext.Current.CancellationToken));

    [Theory]
    [InlineData("")]
    [InlineData("?lang=en")]
    [InlineData("?park=xetdz,beichuan&period_kind=year,plan_cumulative,target&subject=park")]
    public async Task ExportJson_Long_HasTheCsvRowsAsCamelCaseObjects(string query)
    {
        var csv = await CsvAsync(query);
        using var json = await JsonAsync(query + (query.Length == 0 ? "?" : "&") + "limit=10000");

        Assert.Equal(["total", "limit", "next", "rows"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(LongProperties, r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(csv.Rows, rows.Select(r => LongProperties.Select(p => JsonCells.Of(r.GetProperty(p))).ToArray()));
    }

    [Fact]
    public async Task ExportJson_Long_NumbersAreNumbersWithoutTrailingZeros()
    {
        using var json = await JsonAsync("?park=xetdz&indicator=industrial_output_above_scale&period_kind=ytd_month");

        var row = Assert.Single(json.RootElement.GetProperty("rows").EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("value").ValueKind);
        Assert.Equal("9931000", row.GetProperty("value").GetRawText());
        Assert.Equal("993.1", row.GetProperty("reportedValue").GetRawText());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("subject").ValueKind);
        Assert.Equal("西宁经济技术开发区", row.GetProperty("parkName").GetString());
    }

    [Theory]
    [InlineData("?format=wide")]
    [InlineData("?format=wide&lang=en&park=xetdz,dongchuan")]
    public async Task ExportJson_Wide_HasTheCsvColumnsAndRows(string query)
    {
        var csv = await CsvAsync(query);
        using var json = await JsonAsync(query + "&limit=10000");

        var columns = json.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList();
        Assert.Equal(csv.Header.Skip(WideProperties.Length).Where((_, i) => i % 2 == 0), columns);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(csv.Rows, rows.Select(r => WideProperties.Select(p => JsonCells.Of(r.GetProperty(p)))
            .Concat(r.GetProperty("values").EnumerateArray().Zip(r.GetProperty("qualifiers").EnumerateArray()).SelectMany(c => new[] { JsonCells.Of(c.First), JsonCells.Of(c.Second) }))
            .ToArray()));
    }

    [Fact]
    public async Task ExportJson_FilterMatchingNothing_ReturnsAnEmptyLastPage()
    {
        using var json = await JsonAsync("?from=1990&to=1991");

        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("next").ValueKind);
    }
}
