namespace ParkMetrics.BrowserTests.Pages;

/// <summary>One source's page: its details, its figures and its whole text, with one figure's quote highlighted.</summary>
public sealed class SourcePage(IPage page, string culture) : AppShell(page, culture)
{
    public ILocator Text => Page.GetByTestId("source-text");

    public ILocator HighlightedQuote => Text.GetByTestId("source-quote");

    public ILocator MarkedNumber => HighlightedQuote.Locator("mark");

    public ILocator Kind => Page.GetByTestId("source-kind");

    /// <summary>The note above the figures naming the figure whose quote the text highlights.</summary>
    public ILocator HighlightNote => Page.GetByTestId("source-highlight");
}
