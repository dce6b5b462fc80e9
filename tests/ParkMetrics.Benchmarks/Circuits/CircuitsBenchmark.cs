using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace ParkMetrics.Benchmarks.Circuits;

/// <summary>
/// Opens N Blazor Server circuits (browser tabs on a page of a running app) and reports what each costs the app
/// process in resident memory. Usage: ParkMetrics.Benchmarks circuits URL APP_PID [N]
/// </summary>
internal static class CircuitsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: ParkMetrics.Benchmarks circuits URL APP_PID [N]");
            return 2;
        }
        var url = args[0];
        var pid = int.Parse(args[1], CultureInfo.InvariantCulture);
        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PARKMETRICS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // Many tabs share a few renderer processes: the browser's memory is not what is measured.
            Args = ["--no-sandbox", "--disable-gpu", "--renderer-process-limit=4", "--disable-background-timer-throttling", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });

        // Everything a first visit loads (assemblies, caches, the page's data) goes into the baseline.
        var warmUp = await OpenCircuitAsync();
        await warmUp.CloseAsync();
        await Task.Delay(3000);
        var before = ResidentMegabytes(pid);

        var clock = Stopwatch.StartNew();
        var pages = new List<IPage>();
        for (var i = 0; i < count; i += 10)
            pages.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(10, count - i)).Select(_ => OpenCircuitAsync())));
        await Task.Delay(5000);
        var after = ResidentMegabytes(pid);
        var connected = 0;
        foreach (var page in pages) connected += await page.EvaluateAsync<bool>("() => !document.querySelector('.components-reconnect-show, .components-reconnect-failed')") ? 1 : 0;

        var perCircuit = (after - before) / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {count} {connected} {before:0.0} {after:0.0} {perCircuit:0.000} {(perCircuit > 0 ? 1024 / perCircuit : 0):0} {clock.Elapsed.TotalSeconds:0.0}"));
        return connected == count ? 0 : 1;

        async Task<IPage> OpenCircuitAsync()
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url);
            // Charts draw only once the circuit runs: a drawn chart means an interactive circuit.
            await page.WaitForFunctionAsync("() => window.Chart && Object.keys(window.Chart.instances).length > 0", null, new() { Timeout = 60_000 });
            return page;
        }

        static double ResidentMegabytes(int pid) =>
            File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).Single();
    }
}
