namespace ParkMetrics.BrowserTests.Pages;

/// <summary>The modal with a figure's verbatim quote and its source.</summary>
public sealed class ProvenanceDialog(IPage page)
{
    public ILocator Root => page.GetByRole(AriaRole.Dialog);

    public ILocator Quote => Root.GetByTestId("provenance-quote");

    public ILocator MarkedNumber => Quote.Locator("mark");

    public ILocator ReportedValue => Root.GetByTestId("provenance-value");

    public ILocator Context => Root.GetByTestId("provenance-context");

    public ILocator SeeInSource => Root.GetByTestId("provenance-in-source");

    public ILocator SourceLink(string title) => Root.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
}
