using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary><c>POST /api/admin/observations/import</c> through the figure writer: the quote rule, and an audit entry naming its source.</summary>
public sealed class ImportEndpointTests(AdminApp app) : SeededStateTest(app), IClassFixture<AdminApp>
{
    private const string Header = "park,subject,indicator,period_kind,period_start,period_end,value,unit,qualifier,source,quote";
    private const string Text = "今年以来，大通北川工业园区完成工业投资12.5亿元，同比增长8%。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportEndpoint_QuoteNotInItsSourceText_Returns422NamingTheLineAndWritesNothing()
    {
        var source = await ReportAsync();
        using var client = await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);

        var response = await PostAsync(client, $"{Header}\n{Row(source, "工业投资12.5亿元以上")}\n", dryRun: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "quote", $"report.csv:2: quote: 引文不在来源 {source} 的原文中"),
            (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString(), error.GetProperty("text").GetString()));
        await using var db = app.CreateContext();
        Assert.False(await db.Observations.IgnoreQueryFilters().AnyAsync(o => o.Source.Code == source, Ct));
    }

    [Fact]
    public async Task ImportEndpoint_Applied_AuditsTheFigureWithItsSourceAsAnApiImport()
    {
        var source = await ReportAsync();
        using var client = await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);

        var response = await PostAsync(client, $"{Header},measure\n{Row(source, "完成工业投资12.5亿元")},level\n", dryRun: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateContext();
        var figure = await db.Observations.SingleAsync(o => o.Source.Code == source, Ct);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "observation" && a.EntityId == figure.Id, Ct);
        Assert.Equal((AuditAction.Insert, "api report.csv", TestApp.AdminEmail), (audit.Action, audit.Reason, audit.UserName));
        Assert.Equal(source, JsonDocument.Parse(audit.After!).RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task ImportEndpoint_FileNameLongerThanAnAuditCanName_Returns422NamingTheFileNameAndWritesNothing()
    {
        var source = await ReportAsync();
        using var client = await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var name = new string('长', 600) + ".csv";

        var response = await client.PostAsync($"/api/admin/observations/import?dryRun=false&fileName={Uri.EscapeDataString(name)}",
            new StringContent($"{Header}\n{Row(source, "完成工业投资12.5亿元")}\n", Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray());
        Assert.Equal("fileName", error.GetProperty("field").GetString());
        Assert.Contains("255", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await using var db = app.CreateContext();
        Assert.False(await db.Observations.IgnoreQueryFilters().AnyAsync(o => o.Source.Code == source, Ct));
    }

    private static string Row(string source, string quote) =>
        $"beichuan,,industrial_investment,ytd_month,2024-01-01,2024-08-31,12.5,亿元,exact,{source},{quote}";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, bool dryRun) =>
        client.PostAsync($"/api/admin/observations/import?dryRun={(dryRun ? "true" : "false")}&fileName=report.csv",
            new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

    /// <summary>A report registered with its text.</summary>
    private async Task<string> ReportAsync()
    {
        const string code = "report";
        await using var db = app.CreateContext();
        db.Sources.Add(new Source { Code = code, Kind = SourceKind.NewsArticle, Title = "北川园区投资快报", AsOf = new DateOnly(2024, 8, 31), Text = Text });
        await db.SaveChangesAsync(Ct);
        return code;
    }
}
