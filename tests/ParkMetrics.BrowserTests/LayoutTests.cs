using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

public sealed class LayoutTests(BrowserApp app)
{
    [Theory]
    [InlineData("desktop", 1366, 768, Ui.Zh)]
    [InlineData("desktop", 1366, 768, Ui.En)]
    [InlineData("phone", 390, 844, Ui.Zh)]
    [InlineData("phone", 390, 844, Ui.En)]
    public async Task Overview_AtViewport_HasNoHorizontalScrollbar(string device, int width, int height, string culture)
    {
        await using var session = await app.OpenAsync(culture, width, height);
        await session.GotoAsync(OverviewPage.Path);
        await session.WaitForChartsAsync();
        var overview = new OverviewPage(session.Page, culture);
        await Expect(overview.HeadingNamed(overview.Title)).ToBeVisibleAsync();
        if (device != "desktop") await session.ScreenshotAsync($"overview.{device}.{culture}"); // desktop: overview.{culture}.png

        var widths = await overview.ScrollWidthsAsync();

        Assert.True(widths[0] <= widths[1], $"scrollWidth {widths[0]} > innerWidth {widths[1]} at {width}×{height}");
        session.AssertNoConsoleErrors();
    }
}
