using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>Bad parameters get a 400 ValidationProblem naming them, in Chinese unless lang=en; never a 500, never an empty file.</summary>
[Collection(nameof(SeededExport))]
public sealed partial class ExportValidationTests(TestApp app)
{
    public static TheoryData<string, string> BadParameters => new()
    {
        { "park=atlantis", "park" },
        { "park=xetdz,atlantis", "park" },
        { "indicator=no_such_indicator", "indicator" },
        { "from=2025&to=2020", "from" },
        { "from=abc", "from" },
        { "to=20x5", "to" },
        { "from=99999", "from" },
        { "from=-2020", "from" },
        { "format=tall", "format" },
        { "lang=fr", "lang" },
        { "subject=company", "subject" },
        { "period_kind=week", "period_kind" },
        { "period_kind=year,week", "period_kind" },
        { "bom=maybe", "bom" },
        { "bom=1", "bom" },
        { "source=abc", "source" },
        { "source=999999", "source" },
        { "category=astrology", "category" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task ExportCsv_BadParameter_Returns400NamingItInChinese(string query, string parameter)
    {
        var (status, errors, title) = await ProblemAsync("/api/observations.csv?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var messages = errors.GetProperty(parameter).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Matches(Han(), m));
        Assert.Equal("导出参数有误。", title);
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task ExportCsv_BadParameterWithLangEn_Returns400NamingItInEnglish(string query, string parameter)
    {
        if (parameter == "lang") return; // lang=fr&lang=en is a bad lang, in Chinese
        var (status, errors, title) = await ProblemAsync("/api/observations.csv?lang=en&" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var messages = errors.GetProperty(parameter).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.DoesNotMatch(Han(), m));
        Assert.Equal("The export parameters are not valid.", title);
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task ExportJsonAndWorkbook_BadParameter_Returns400NamingIt(string query, string parameter)
    {
        foreach (var endpoint in new[] { "/api/observations?", "/api/observations.xlsx?" })
        {
            if (parameter == "bom")
            {
                // Only the CSV has a byte order mark; elsewhere bom is a parameter like any unknown one, and ignored.
                using var ignored = await app.Client.GetAsync(endpoint + query, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
                continue;
            }
            var (status, errors, _) = await ProblemAsync(endpoint + query);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(errors.TryGetProperty(parameter, out _), $"{endpoint} errors name {parameter}: {errors}");
        }
    }

    [Fact]
    public async Task ExportCsv_SeveralBadParameters_NamesEachOfThem()
    {
        var (status, errors, _) = await ProblemAsync("/api/observations.csv?park=atlantis&format=tall&from=x&period_kind=week");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["format", "from", "park", "period_kind"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportCsv_UnknownParameter_IsIgnored()
    {
        var response = await app.Client.GetAsync("/api/observations.csv?colour=blue&park=ganhe", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Errors, string Title)> ProblemAsync(string url)
    {
        var response = await app.Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        return (response.StatusCode, json.RootElement.GetProperty("errors").Clone(), json.RootElement.GetProperty("title").GetString()!);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
