using System.Net;
using System.Text.Json;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>/api/observations in pages: limit and an opaque cursor walk every row exactly once, in the CSV's order, with the total on each page.</summary>
[Collection(nameof(SeededExport))]
public sealed class ExportPagingTests(TestApp app)
{
    /// <summary>Follows next from the first page to the last; returns the pages' JSON.</summary>
    internal static async Task<List<JsonElement>> WalkAsync(HttpClient client, string query, Func<int, Task>? betweenPages = null)
    {
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = "/api/observations" + query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var json = JsonDocument.Parse(await client.GetStringAsync(url, TestContext.Current.CancellationToken));
            pages.Add(json.RootElement.Clone());
            cursor = json.RootElement.GetProperty("next").GetString();
            if (cursor is not null && betweenPages is not null) await betweenPages(pages.Count);
            Assert.True(pages.Count < 10_000, "the walk ends");
        }
        while (cursor is not null);
        return pages;
    }

    [Theory]
    [InlineData("?limit=1&park=xetdz")]
    [InlineData("?limit=7")]
    [InlineData("?limit=100&lang=en")]
    [InlineData("?limit=3&period_kind=annual_average,plan_cumulative,point&subject=park")]
    public async Task ExportJson_LongPages_WalkEveryRowOnceInTheCsvsOrder(string query)
    {
        var csv = ParsedCsv.Parse(await app.Client.GetByteArrayAsync("/api/observations.csv" + query, TestContext.Current.CancellationToken));
        var limit = int.Parse(query.Split('&')[0]["?limit=".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var pages = await WalkAsync(app.Client, query);

        var rows = pages.SelectMany(p => p.GetProperty("rows").EnumerateArray()).ToList();
        Assert.Equal(csv.Rows, rows.Select(r => ExportJsonTests.LongProperties.Select(p => JsonCells.Of(r.GetProperty(p))).ToArray()));
        Assert.All(pages, p => Assert.Equal(csv.Rows.Count, p.GetProperty("total").GetInt32()));
        Assert.All(pages, p => Assert.Equal(limit, p.GetProperty("limit").GetInt32()));
        Assert.Equal((csv.Rows.Count + limit - 1) / limit, pages.Count);
        Assert.All(pages[..^1], p => Assert.Equal(limit, p.GetProperty("rows").GetArrayLength()));
    }

    [Theory]
    [InlineData("?format=wide&limit=1&park=xetdz")]
    [InlineData("?format=wide&limit=9")]
    [InlineData("?format=wide&limit=40&lang=en&subject=enterprise")]
    public async Task ExportJson_WidePages_WalkEverySeriesOnce(string query)
    {
        var limit = int.Parse(query.Split("limit=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
        var whole = await WalkAsync(app.Client, query.Replace($"limit={limit}", "limit=10000", StringComparison.Ordinal));

        var pages = await WalkAsync(app.Client, query);

        var all = Assert.Single(whole);
        var expected = all.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.Equal(expected, pages.SelectMany(p => p.GetProperty("rows").EnumerateArray()).Select(r => r.GetRawText()));
        var series = all.GetProperty("total").GetInt32();
        Assert.Equal((series + limit - 1) / limit, pages.Count);
        Assert.All(pages, p => Assert.Equal(all.GetProperty("columns").GetRawText(), p.GetProperty("columns").GetRawText()));
    }

    [Fact]
    public async Task ExportJson_NoLimit_ReturnsTheFirstThousandRows()
    {
        using var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/observations", TestContext.Current.CancellationToken));

        Assert.Equal(1000, json.RootElement.GetProperty("limit").GetInt32());
        Assert.Equal(json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("rows").GetArrayLength()); // the seed is smaller
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=%E6%B8%B8%E6%A0%87", "cursor")]
    [InlineData("cursor=bHwxfHwxfHllYXJ8MjAyMS0wMS0wMXwyMDIxLTEyLTMx", "cursor")] // a long cursor cut short
    public async Task ExportJson_BadPage_Returns400NamingTheParameter(string query, string parameter)
    {
        var response = await app.Client.GetAsync("/api/observations?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), json.RootElement.ToString());
    }

    [Fact]
    public async Task ExportJson_CursorOfTheOtherLayout_Returns400SayingSo()
    {
        using var first = JsonDocument.Parse(await app.Client.GetStringAsync("/api/observations?limit=2", TestContext.Current.CancellationToken));
        var cursor = first.RootElement.GetProperty("next").GetString()!;

        var response = await app.Client.GetAsync($"/api/observations?format=wide&lang=en&cursor={cursor}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("format=long", json.RootElement.GetProperty("errors").GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
    }
}
