using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Export;

namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>
/// Damaged query strings against the three exports over the seed: never a 5xx; a 400 is a ValidationProblem naming the
/// parameters; a 200 is a whole document (CSV with its BOM unless bom=false, a workbook that reads, or JSON that parses).
/// </summary>
[Collection(nameof(SeededExport))]
public sealed class ExportFuzzTests(TestApp app)
{
    private const int Requests = 1500;
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private int withoutBom;

    [Fact]
    public async Task Export_DamagedQueryStrings_Answer200Or400AndNeverA5xx()
    {
        var ct = TestContext.Current.CancellationToken;
        var mutator = new ExportQueryMutator(seed: 20261207, await ValidValuesAsync());
        string[] endpoints = ["/api/observations.csv?", "/api/observations?", "/api/observations.xlsx?"];
        var urls = Enumerable.Range(0, Requests).Select(i => endpoints[i % 3] + mutator.Next()).ToList();
        var outcomes = new ConcurrentBag<(int Status, string? Failure)>();

        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (url, token) => outcomes.Add(await CheckAsync(url, token)));

        var statuses = outcomes.CountBy(o => o.Status).OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{Requests} damaged export queries: {string.Join(", ", statuses)} ({withoutBom} CSVs asked bom=false)");
        Assert.Empty(outcomes.Select(o => o.Failure).OfType<string>());
        Assert.Contains(outcomes, o => o.Status == 200);
        Assert.Contains(outcomes, o => o.Status == 400);
    }

    private async Task<(int Status, string? Failure)> CheckAsync(string url, CancellationToken ct)
    {
        using var response = await app.Client.GetAsync(url, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType;
        var failure = status switch
        {
            200 when url.StartsWith("/api/observations.csv", StringComparison.Ordinal) => CsvFailure(url, type, body),
            200 when url.StartsWith("/api/observations.xlsx", StringComparison.Ordinal) => WorkbookFailure(type, body),
            200 => JsonFailure(type, body),
            400 => ProblemFailure(type, body),
            _ => "unexpected status",
        };
        return (status, failure is null ? null : $"{Shorten(url)} answered {status} {type}: {failure}");
    }

    private string? CsvFailure(string url, MediaTypeHeaderValue? type, byte[] body)
    {
        var query = QueryHelpers.ParseQuery(url[url.IndexOf('?', StringComparison.Ordinal)..]);
        var bomOff = query.TryGetValue("bom", out var bom) && bool.TryParse(bom.ToString().Trim(), out var on) && !on;
        if (bomOff) Interlocked.Increment(ref withoutBom);
        if (type?.MediaType != "text/csv") return "not text/csv";
        if (body.AsSpan().StartsWith(Bom) == bomOff) return bomOff ? "a BOM although bom=false" : "no BOM";
        return body.AsSpan().EndsWith("\r\n"u8) ? null : "the file does not end with a whole record";
    }

    private static string? WorkbookFailure(MediaTypeHeaderValue? type, byte[] body)
    {
        if (type?.MediaType != ParkMetrics.Web.Features.Export.ExportWorkbook.ContentType) return "not a workbook";
        try
        {
            return new ReadWorkbook(body).SheetNames.SequenceEqual(["observations", "sources", "about"]) ? null : "sheets missing";
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            return "unreadable: " + e.Message;
        }
    }

    private static string? JsonFailure(MediaTypeHeaderValue? type, byte[] body)
    {
        if (type?.MediaType != "application/json") return "not application/json";
        try
        {
            using var json = JsonDocument.Parse(body);
            return null;
        }
        catch (JsonException e)
        {
            return "cut short: " + e.Message;
        }
    }

    private static string? ProblemFailure(MediaTypeHeaderValue? type, byte[] body)
    {
        if (type?.MediaType != "application/problem+json") return "not application/problem+json";
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("errors", out var errors)) return "no errors";
        var named = errors.EnumerateObject().ToList();
        if (named.Count == 0) return "errors name no parameter";
        return named.Where(e => !ExportQueryMutator.Parameters.Contains(e.Name) || e.Value.GetArrayLength() == 0)
            .Select(e => $"errors name '{e.Name}' with {e.Value}").FirstOrDefault();
    }

    private async Task<Dictionary<string, string[]>> ValidValuesAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.CreateContext();
        var indicators = await db.Indicators.Select(i => new { i.Code, i.Category }).ToListAsync(ct);
        string[] years = [.. Enumerable.Range(2018, 10).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        return new()
        {
            ["park"] = [.. await db.Parks.Select(p => p.Code).ToListAsync(ct)],
            ["indicator"] = [.. indicators.Select(i => i.Code)],
            ["category"] = [.. indicators.Select(i => i.Category).Distinct()],
            ["source"] = [.. (await db.Sources.Select(s => s.Id).ToListAsync(ct)).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ["period_kind"] = [.. EnumCode.All<PeriodKind>()],
            ["from"] = years,
            ["to"] = years,
            ["subject"] = ["park", "enterprise", "all", "Park"],
            ["format"] = ["long", "wide", "WIDE"],
            ["lang"] = ["zh", "en", "EN"],
            ["bom"] = ["true", "false", "False", " false "],
            ["limit"] = ["1", "50", "10000"],
            ["cursor"] = [ParkMetrics.Web.Features.Export.ExportCursor.Of(new ParkMetrics.Data.Queries.ExportPosition(1, null, 1, PeriodKind.Year, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 1)),
                ParkMetrics.Web.Features.Export.ExportCursor.Of(new ParkMetrics.Data.Queries.SeriesPosition(2, 1, 5, PeriodKind.Point))],
        };
    }

    private static string Shorten(string url) => url.Length > 300 ? url[..300] + $"…({url.Length} chars)" : url;
}
