using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>A reader checks a figure against its source: the sentence around the quote, then the whole text with the number marked.</summary>
public sealed class SourceTextTests(BrowserApp app)
{
    private const string Quote = "累计实现规模以上工业总产值近624亿元";

    [Theory]
    [InlineData(Ui.Zh, 1366, 768, "desktop")]
    [InlineData(Ui.En, 1366, 768, "desktop")]
    [InlineData(Ui.Zh, 390, 844, "phone")]
    [InlineData(Ui.En, 390, 844, "phone")]
    public async Task FigureDialog_SeeInSource_OpensTheTextWithTheNumberMarkedInView(string culture, int width, int height, string device)
    {
        if (!Directory.Exists(RepositoryPaths.Articles))
            Assert.Skip($"The seed's article texts are not beside this checkout ({RepositoryPaths.Articles}).");
        await using var session = await app.OpenAsync(culture, width, height);
        await session.GotoAsync(ParkPage.PathOf("dongchuan"));
        var park = new ParkPage(session.Page, culture);
        await park.HeadlineFigures.First.ClickAsync();

        var dialog = park.Provenance;
        await Expect(dialog.Context).ToContainTextAsync(Quote);
        await Expect(dialog.Context.GetByTestId("source-quote")).ToHaveTextAsync(Quote);
        await Expect(dialog.Context.Locator("mark")).ToHaveTextAsync("624");
        await session.ScreenshotAsync($"provenance-context.{device}.{culture}", fullPage: false);

        await dialog.SeeInSource.ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/sources/\d+\?figure=\d+$"));
        var source = new SourcePage(session.Page, culture);
        await Expect(source.HighlightedQuote).ToHaveTextAsync(Quote);
        await Expect(source.MarkedNumber).ToHaveTextAsync("624");
        await Expect(source.HighlightedQuote).ToBeInViewportAsync();
        await Expect(source.HighlightedQuote).ToBeFocusedAsync();
        await Expect(source.Text).ToHaveAttributeAsync("lang", "zh");
        await Expect(source.Kind).ToHaveTextAsync(Ui.Pick(culture, "新闻报道", "news article"));
        await session.ScreenshotAsync($"source-highlight.{device}.{culture}", fullPage: false);
        await session.Page.Keyboard.PressAsync("Home");
        await Expect(source.HighlightNote).ToBeInViewportAsync();
        await session.ScreenshotAsync($"source-top.{device}.{culture}", fullPage: false);
        Assert.False(await session.Page.EvaluateAsync<bool>(Scripts.HasHorizontalScroll));
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task SourcePage_WithoutAFigure_ShowsTheWholeTextPlainly()
    {
        if (!Directory.Exists(RepositoryPaths.Articles))
            Assert.Skip($"The seed's article texts are not beside this checkout ({RepositoryPaths.Articles}).");
        await using var session = await app.OpenAsync();

        await session.GotoAsync($"/sources/{await app.FirstSourceIdAsync()}");

        var source = new SourcePage(session.Page, Ui.Zh);
        await Expect(source.Text.Locator("p").First).ToBeVisibleAsync();
        Assert.True(await source.Text.Locator("p").CountAsync() > 5);
        await Expect(source.HighlightedQuote).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("mark:visible")).ToHaveCountAsync(0); // the figures' closed dialogs mark their numbers
        session.AssertNoConsoleErrors();
    }
}
