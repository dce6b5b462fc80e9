using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>ETag and Last-Modified on every export, 304 while nothing asked for has changed, a new ETag once something has; pages that hold under writes.</summary>
public sealed class ExportConditionalTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string[] Parks = ["beichuan", "xetdz"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Urls =>
        ["/api/observations.csv?park=ganhe", "/api/observations.xlsx?park=ganhe&format=wide", "/api/observations?park=ganhe&limit=5", "/api/observations?format=wide"];

    private async Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestHeaders>? conditions = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        conditions?.Invoke(request.Headers);
        return await app.Client.SendAsync(request, Ct);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Export_IfNoneMatchWithItsETag_Returns304WithoutABody(string url)
    {
        using var first = await GetAsync(url);
        var etag = first.Headers.ETag!;

        using var again = await GetAsync(url, h => h.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(etag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal("no-cache", again.Headers.CacheControl?.ToString());
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Export_IfModifiedSinceItsLastModified_Returns304(string url)
    {
        using var first = await GetAsync(url);

        using var again = await GetAsync(url, h => h.IfModifiedSince = first.Content.Headers.LastModified);
        using var earlier = await GetAsync(url, h => h.IfModifiedSince = first.Content.Headers.LastModified!.Value.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
    }

    [Fact]
    public async Task Export_AnotherQueryOrFormat_HasAnotherETag()
    {
        using var csv = await GetAsync("/api/observations.csv?park=ganhe");
        using var other = await GetAsync("/api/observations.csv?park=xetdz");
        using var workbook = await GetAsync("/api/observations.xlsx?park=ganhe");
        using var mismatched = await GetAsync("/api/observations.csv?park=xetdz", h => h.IfNoneMatch.Add(csv.Headers.ETag!));

        Assert.Equal(3, new[] { csv.Headers.ETag, other.Headers.ETag, workbook.Headers.ETag }.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, mismatched.StatusCode);
    }

    [Fact]
    public async Task Export_AfterAnAdminsCorrection_AnswersTheNewDataWithANewETagAndLastModified()
    {
        const string url = "/api/observations.csv?park=ganhe&from=2031";
        using var before = await GetAsync(url);
        var editor = app.Services.GetRequiredService<FigureEditor>();
        var grid = await editor.LoadAsync("ganhe", 2031, Ct);
        var row = grid.Rows.Single(r => r.IndicatorCode == "industrial_investment");
        await Task.Delay(TimeSpan.FromSeconds(1.1), Ct); // Last-Modified counts whole seconds

        var saved = await editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, null, null, 7, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, null)], "admin@example.org", Ct);
        using var after = await GetAsync(url, h => h.IfNoneMatch.Add(before.Headers.ETag!));
        using var since = await GetAsync(url, h => h.IfModifiedSince = before.Content.Headers.LastModified);

        Assert.True(saved.Saved);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified > before.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.OK, since.StatusCode);
        Assert.Single(ParsedCsv.Parse(await after.Content.ReadAsByteArrayAsync(Ct)).Rows);
    }

    /// <summary>Figures loaded without an audit entry (as synthetic data is), a park renamed, a source retitled.</summary>
    public static TheoryData<string> UnauditedChanges =>
    [
        """
        INSERT INTO "Observations" ("ParkId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "Value", "ReportedValue", "ReportedUnit", "Qualifier", "SourceId", "Quote")
        SELECT p."Id", i."Id", 'year', DATE '2040-01-01', DATE '2040-12-31', 1, 1, '万元', 'exact', s."Id", ''
        FROM "Parks" p, "Indicators" i, "Sources" s WHERE p."Code" = 'xetdz' AND i."Code" = 'industrial_investment' AND s."Code" = 'xetdz-fyp14'
        """,
        """UPDATE "Parks" SET "NameZh" = "NameZh" || '（新）' WHERE "Code" = 'ganhe'""",
        """UPDATE "Sources" SET "Title" = "Title" || '（更正）' WHERE "Code" = 'xetdz-fyp14'""",
    ];

    [Theory]
    [MemberData(nameof(UnauditedChanges))]
    public async Task Export_AfterAnUnauditedChange_HasANewETag(string sql)
    {
        using var before = await GetAsync("/api/observations?limit=3");

        await app.ExecuteAsync(sql);
        using var after = await GetAsync("/api/observations?limit=3", h => h.IfNoneMatch.Add(before.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task ExportJson_PagesWalkedWhileFiguresAreAdded_SeeEveryFigureOfBeforeOnce()
    {
        var before = (await StoredRow.ReadAsync(app.ConnectionString)).Select(r => (r.ParkCode, r.Enterprise, r.IndicatorCode, r.Kind, r.Start, r.End, r.SourceTitle)).ToList();
        var added = 0;

        var pages = await ExportPagingTests.WalkAsync(app.Client, "?limit=40", async page =>
        {
            // A figure that sorts before the pages read so far, and one after them, each time.
            foreach (var park in Parks)
                await app.ExecuteAsync("""
                    INSERT INTO "Observations" ("ParkId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "Value", "ReportedValue", "ReportedUnit", "Qualifier", "SourceId", "Quote")
                    SELECT p."Id", i."Id", 'year', make_date(2050 + $1, 1, 1), make_date(2050 + $1, 12, 31), 1, 1, '万元', 'exact', s."Id", ''
                    FROM "Parks" p, "Indicators" i, (SELECT min("Id") AS "Id" FROM "Sources") s WHERE p."Code" = $2 AND i."Code" = 'industrial_investment'
                    """, page, park);
            added += 2;
        });

        var seen = pages.SelectMany(p => p.GetProperty("rows").EnumerateArray())
            .Select(r => (r.GetProperty("parkCode").GetString()!, r.GetProperty("subject").GetString(), r.GetProperty("indicatorCode").GetString()!,
                EnumCode.Parse<PeriodKind>(r.GetProperty("periodKind").GetString()!), DateOnly.Parse(r.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(r.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture), r.GetProperty("source").GetString()!))
            .ToList();
        Assert.True(added > 0);
        Assert.Equal(seen.Count, seen.Distinct().Count());                    // no row twice
        Assert.All(before, row => Assert.Contains(row, seen));                 // no row of before missed
    }
}
