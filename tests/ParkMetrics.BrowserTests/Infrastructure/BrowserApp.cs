using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel over a fresh database (migrated and seeded at startup, with the test admin), and a headless
/// Chromium from the machine (<c>PARKMETRICS_CHROMIUM</c>, else /usr/bin/chromium): no browser is ever downloaded.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumVariable = "PARKMETRICS_CHROMIUM";

    private readonly PostgresServer postgres = new();
    private TestApp? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await postgres.InitializeAsync();
        app = await TestApp.StartAsync(new() { Kestrel = true }, postgres);
        BaseUrl = app.BaseAddress.ToString();

        // Generous: CI runs these beside the integration tests on two cores. Passing tests never wait for a timeout.
        SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>
    /// Another app on a database of its own, for a test that changes figures the other tests read; settings are
    /// configuration keys such as <c>Admin:Email</c>.
    /// </summary>
    public Task<TestApp> StartOwnAppAsync(params (string Key, string? Value)[] settings) =>
        TestApp.StartAsync(new() { Kestrel = true, Settings = settings }, postgres);

    /// <summary>
    /// A new browser context (its own cookies) in <paramref name="culture"/>, with one page at the given viewport, on the
    /// shared app or on <paramref name="own"/>.
    /// </summary>
    public async Task<BrowserSession> OpenAsync(string culture = Ui.Zh, int width = 1366, int height = 768, TestApp? own = null, bool javaScript = true)
    {
        var baseUrl = own?.BaseAddress.ToString() ?? BaseUrl;
        var context = await browser!.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            ViewportSize = new() { Width = width, Height = height },
            Locale = culture,
            JavaScriptEnabled = javaScript,
        });
        if (culture != Ui.Zh)
        {
            // What GET /culture?name=en sets: CookieRequestCultureProvider's cookie, read on every request and by the circuit.
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = baseUrl }]);
        }
        context.SetDefaultTimeout(30_000);
        return await BrowserSession.StartAsync(context);
    }

    /// <summary>The id of the article the sources list shows first (the most recent), from the app's own query.</summary>
    public async Task<int> FirstSourceIdAsync() =>
        (await app!.Services.GetRequiredService<CatalogQueries>().SourcesAsync(TestContext.Current.CancellationToken))[0].Id;

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
        await postgres.DisposeAsync();
    }
}
