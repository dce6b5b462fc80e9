using ParkMetrics.BrowserTests.Infrastructure;

namespace ParkMetrics.BrowserTests;

/// <summary>The API's reference page runs under the site's Content-Security-Policy: its start-up script carries the response's nonce.</summary>
public sealed class ApiReferenceTests(BrowserApp app)
{
    [Fact]
    public async Task ApiPage_UnderTheSitesContentSecurityPolicy_ShowsTheExportEndpoints()
    {
        await using var session = await app.OpenAsync(Ui.En);
        var page = session.Page;

        var response = await page.GotoAsync("/api/");

        Assert.Contains("'nonce-", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        await Expect(page.GetByText("/api/observations.csv").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await session.ScreenshotAsync("api-reference", fullPage: false);
        session.AssertNoConsoleErrors();
    }
}
