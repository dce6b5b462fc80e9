using System.Text;
using System.Text.RegularExpressions;
using ParkMetrics.BrowserTests.Infrastructure;

namespace ParkMetrics.BrowserTests;

/// <summary>A park's briefing printed by Chromium: one A4 portrait page, in both languages, kept as a PDF.</summary>
public sealed partial class PaperTests(BrowserApp app)
{
    [Theory]
    [InlineData("dongchuan", Ui.Zh)]
    [InlineData("dongchuan", Ui.En)]
    [InlineData("xetdz", Ui.Zh)]
    [InlineData("xetdz", Ui.En)]
    [InlineData("beichuan", Ui.Zh)]
    public async Task Briefing_PrintedOnA4_IsOnePage(string park, string culture)
    {
        await using var session = await app.OpenAsync(culture);
        await session.GotoAsync($"/parks/{park}/briefing");
        await session.WaitForChartsAsync();
        await session.Page.EmulateMediaAsync(new() { Media = Media.Print });
        // What a browser's Print does first: the page redraws its charts at the paper's width (wwwroot/js/pages.js).
        await session.Page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
        await session.Page.WaitForTimeoutAsync(300);
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"briefing.{park}.{culture}.pdf");

        var pdf = await session.Page.PdfAsync(new() { Path = file, Format = "A4", PrintBackground = true, PreferCSSPageSize = true });

        Assert.True(PageObject().Count(Encoding.Latin1.GetString(pdf)) == 1, $"the briefing of {park} prints on {PageObject().Count(Encoding.Latin1.GetString(pdf))} pages");
        await Expect(session.Page.GetByTestId("briefing-figure").First).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("briefing-sources")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("header.app-navbar")).ToBeHiddenAsync(); // print CSS: no navigation
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ParkPage_Printed_HidesNavigationAndButtons()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync("/parks/dongchuan");

        await session.Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(session.Page.Locator("header.app-navbar")).ToBeHiddenAsync();
        await Expect(session.Page.GetByTestId("print")).ToBeHiddenAsync();
        await Expect(session.Page.GetByTestId("chart-csv").First).ToBeHiddenAsync();
        await Expect(session.Page.GetByTestId("download-png").First).ToBeHiddenAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
