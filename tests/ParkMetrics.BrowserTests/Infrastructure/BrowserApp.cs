using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel over a fresh database (migrated and seeded at startup, as in Development), and a headless
/// Chromium from the machine (<c>PARKMETRICS_CHROMIUM</c>, else /usr/bin/chromium): no browser is ever downloaded.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumVariable = "PARKMETRICS_CHROMIUM";

    private readonly PostgresServer postgres = new();
    private KestrelApp? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        app = KestrelApp.Start(database, []);
        BaseUrl = app.BaseUrl;

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
    public async Task<KestrelApp> StartOwnAppAsync(params (string Key, string Value)[] settings) =>
        KestrelApp.Start(await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken), settings);

    /// <summary>
    /// A new browser context (its own cookies) in <paramref name="culture"/>, with one page at the given viewport, on the
    /// shared app or on <paramref name="own"/>.
    /// </summary>
    public async Task<BrowserSession> OpenAsync(string culture = Ui.Zh, int width = 1366, int height = 768, KestrelApp? own = null, bool javaScript = true)
    {
        var baseUrl = own?.BaseUrl ?? BaseUrl;
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

    /// <summary>The app on Kestrel at a free loopback port, in Development (migrated and seeded at startup).</summary>
    public sealed class KestrelApp : WebApplicationFactory<Program>
    {
        private readonly string connectionString;
        private readonly (string Key, string Value)[] settings;

        private KestrelApp(string connectionString, (string Key, string Value)[] settings) =>
            (this.connectionString, this.settings) = (connectionString, settings);

        public string BaseUrl { get; private set; } = "";

        public static KestrelApp Start(string connectionString, (string Key, string Value)[] settings)
        {
            var app = new KestrelApp(connectionString, settings);
            app.UseKestrel(0);
            app.StartServer();
            app.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
            return app;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:ParkMetrics", connectionString);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // Without Admin:Password, Development logs a generated one: not wanted in the test output.
            builder.UseSetting("Serilog:MinimumLevel:Override:ParkMetrics.Web.Hosting.FirstAdmin", "Error");
            // Every test signs in from 127.0.0.1: the per-address limit on sign-ins is for the integration tests to try.
            builder.UseSetting("Auth:SignInLimit:PermitLimit", "100000");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
