using System.Text;
using ParkMetrics.Testing;

namespace ParkMetrics.BrowserTests.Infrastructure;

/// <summary>
/// One browser context and page. It records console errors and uncaught exceptions, and knows when a page is ready:
/// a read page once loaded (it is rendered on the server without a circuit, its charts drawn by a module); an admin
/// page once interactive (Blazor Server prerenders, then a circuit opens on a WebSocket, sends its first render batch
/// and the browser acknowledges having applied it).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly byte[] RenderCompleted = Encoding.UTF8.GetBytes("OnRenderCompleted");
    private static readonly TimeSpan CircuitTimeout = TimeSpan.FromSeconds(30);

    private readonly IBrowserContext context;
    private readonly List<string> errors = [];
    private readonly Lock gate = new();
    private readonly List<TaskCompletionSource> circuits = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (gate) errors.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (gate) errors.Add($"page error: {error}"); };
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal)) return;
            var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (gate) circuits.Add(rendered);
            // Not the render batch's arrival but the browser's acknowledgement that it has applied it: until then the
            // prerendered form is still on the page, and what a test types into it is lost when the batch replaces it.
            socket.FrameSent += (_, frame) =>
            {
                if (frame.Binary is { } bytes ? bytes.AsSpan().IndexOf(RenderCompleted) >= 0 : frame.Text?.Contains("OnRenderCompleted", StringComparison.Ordinal) == true)
                    rendered.TrySetResult();
            };
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (gate) return [.. errors]; }
    }

    public static async Task<BrowserSession> StartAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    /// <summary>Loads <paramref name="path"/> and waits until it is ready (an admin page: until its circuit has rendered).</summary>
    public Task GotoAsync(string path) => LoadsNewCircuitAsync(() => Page.GotoAsync(path));

    public Task ReloadAsync() => LoadsNewCircuitAsync(() => Page.ReloadAsync());

    /// <summary>
    /// Runs <paramref name="action"/>, which loads a new document (a reload, a server redirect, a link), and waits until
    /// it has loaded and, when it is interactive, for its circuit.
    /// </summary>
    public async Task LoadsNewCircuitAsync(Func<Task> action)
    {
        int before;
        lock (gate) before = circuits.Count;
        var url = Page.Url;
        // A mark on the old document: gone once a new document has loaded (a reload of the same address too).
        try { await Page.EvaluateAsync("() => { window.__oldDocument = true; }"); } catch (PlaywrightException) { }
        await action();
        var deadline = DateTime.UtcNow + CircuitTimeout;
        while (true)
        {
            TaskCompletionSource? circuit;
            lock (gate) circuit = circuits.Count > before ? circuits[^1] : null;
            if (circuit is not null)
            {
                await circuit.Task.WaitAsync(deadline - DateTime.UtcNow);
                return;
            }
            try
            {
                var loaded = await Page.EvaluateAsync<bool>("() => document.readyState === 'complete' && !window.__oldDocument");
                var moved = Page.Url != url && await Page.EvaluateAsync<bool>("() => document.readyState === 'complete'");
                // A read page has no circuit to wait for; an admin page's circuit opens after its load.
                if ((loaded || moved) && !IsInteractive(Page.Url)) return;
            }
            catch (PlaywrightException)
            {
                // The context was destroyed by the navigation: ask again on the new document.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Page.Url} did not load (or opened no Blazor circuit).");
            await Task.Delay(25);
        }
    }

    /// <summary>The admin pages are interactive (Blazor Server); every other page is rendered on the server without a circuit.</summary>
    public static bool IsInteractive(string url) => new Uri(url).AbsolutePath.StartsWith("/admin", StringComparison.Ordinal);

    /// <summary>Waits until every visible chart canvas of the page shows ink: Chart.js draws only once the circuit runs.</summary>
    public async Task WaitForChartsAsync()
    {
        if (await Page.GetByTestId("chart").Locator("canvas").CountAsync() == 0) return;
        await Page.WaitForFunctionAsync(Scripts.AllVisibleChartsDrawn, null, new() { PollingInterval = 100 });
    }

    /// <summary>A screenshot in artifacts/test-results/screenshots, kept as a CI artifact: the full page, or only the viewport (for a modal).</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled, Timeout = 60_000 });
        return path;
    }

    public void AssertNoConsoleErrors() => Assert.True(ConsoleErrors.Count == 0, string.Join(Environment.NewLine, ConsoleErrors));

    /// <summary>No error but the browser's note that the page itself answered <paramref name="status"/> (a 404 page, as meant).</summary>
    public void AssertNoConsoleErrorsBut(int status)
    {
        var others = ConsoleErrors.Where(e => !e.Contains($"the server responded with a status of {status}", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, string.Join(Environment.NewLine, others));
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
