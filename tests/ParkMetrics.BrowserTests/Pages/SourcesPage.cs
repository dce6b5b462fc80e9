namespace ParkMetrics.BrowserTests.Pages;

public sealed class SourcesPage(IPage page, string culture) : AppShell(page, culture)
{
    public const string Path = "/sources";

    public ILocator SourceLinks => Page.GetByTestId("source-link");

    /// <summary>The path of the first article's page, /sources/{id}.</summary>
    public async Task<string> FirstSourcePathAsync() => "/" + (await SourceLinks.First.GetAttributeAsync("href"))!.TrimStart('/');
}
