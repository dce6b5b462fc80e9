using System.Text.Json;
using System.Text.RegularExpressions;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>
/// Every read page, as officials read it: on a phone (nothing wider than 390 px), on a desktop, in both languages,
/// with no WCAG 2.1 AA violation that axe-core finds; kept as screenshots.
/// </summary>
/// <remarks>One class per language and device, so that they run side by side.</remarks>
public abstract partial class ReadingTests(BrowserApp app, string culture, string device, int width, int height)
{
    public static TheoryData<string> Paths =>
    [
        "/", "/parks", "/parks/dongchuan", "/parks/xetdz", "/parks/beichuan", "/parks/dongchuan/briefing", "/indicators",
        "/indicators/industrial_output_above_scale", "/compare", "/compare?indicator=industrial_output", "/plans/fyp14",
        "/sources", "/sources/{first}", "/figures/{figure}", "/parks/unknown",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task ReadPage_AtThisSize_FitsTheScreenAndHasNoAccessibilityViolation(string path)
    {
        await using var session = await app.OpenAsync(culture, width, height);
        var first = await app.FirstSourceIdAsync();
        await session.GotoAsync(path.Replace("{first}", $"{first}", StringComparison.Ordinal).Replace("{figure}", "4", StringComparison.Ordinal));
        await Expect(new AppShell(session.Page, culture).Heading).ToHaveCountAsync(1);
        await session.WaitForChartsAsync();
        var slug = Slug().Replace(path, "-").Trim('-');
        await session.ScreenshotAsync($"read-{(slug.Length == 0 ? "overview" : slug)}.{device}.{culture}");

        var wider = await session.Page.EvaluateAsync<string[]>(Scripts.WiderThanViewport);
        Assert.True(wider.Length == 0, $"wider than {width} px: {string.Join("; ", wider)}");
        var violations = await Accessibility.ViolationsAsync(session.Page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}

public sealed class ReadingTestsZhPhone(BrowserApp app) : ReadingTests(app, Ui.Zh, "phone", 390, 844);

public sealed class ReadingTestsEnPhone(BrowserApp app) : ReadingTests(app, Ui.En, "phone", 390, 844);

public sealed class ReadingTestsZhDesktop(BrowserApp app) : ReadingTests(app, Ui.Zh, "desktop", 1366, 768);

public sealed class ReadingTestsEnDesktop(BrowserApp app) : ReadingTests(app, Ui.En, "desktop", 1366, 768);

/// <summary>axe-core from the web project's npm packages (a dev dependency, never served), run on the page for WCAG 2.1 A and AA.</summary>
internal static class Accessibility
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ParkMetrics.Web", "node_modules", "axe-core", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Evaluated through the browser's protocol, which the app's Content-Security-Policy (scripts by nonce only) lets
        // through, where a <script> tag added to the page would rightly be refused.
        await page.EvaluateAsync(Script.Value);
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary ?? '').replace(/\s+/g, ' ')).join(' | ')}`);
            }
            """);
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }
}
