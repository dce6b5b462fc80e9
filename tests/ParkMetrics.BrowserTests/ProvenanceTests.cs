using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

public sealed class ProvenanceTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Ui.Languages), MemberType = typeof(Ui))]
    public async Task FigureValue_Clicked_OpensItsQuoteAndEscapeReturnsFocus(string culture)
    {
        await using var session = await app.OpenAsync(culture);
        await session.GotoAsync(ParkPage.PathOf("dongchuan"));
        await session.WaitForChartsAsync();
        var park = new ParkPage(session.Page, culture);
        var figure = park.HeadlineFigures.First;
        await Expect(figure).ToContainTextAsync(Ui.Pick(culture, "近624亿元", "nearly CNY 62.4 bn"));

        await figure.ClickAsync();

        var dialog = park.Provenance;
        await Expect(dialog.Root).ToBeVisibleAsync();
        await Expect(dialog.Quote).ToHaveTextAsync("累计实现规模以上工业总产值近624亿元");
        await Expect(dialog.MarkedNumber).ToHaveTextAsync("624");
        await Expect(dialog.SourceLink("东川园区：向新攀高书写“十四五”东川答卷")).ToBeVisibleAsync();
        await Expect(dialog.Root.GetByRole(AriaRole.Button, new() { Name = Ui.Pick(culture, "关闭", "Close") }).First).ToBeFocusedAsync();
        await session.ScreenshotAsync($"provenance.{culture}", fullPage: false);

        await session.Page.Keyboard.PressAsync("Escape");

        await Expect(dialog.Root).ToHaveCountAsync(0);
        await Expect(figure).ToBeFocusedAsync();
        session.AssertNoConsoleErrors();
    }
}
