namespace ParkMetrics.BrowserTests.Pages;

public sealed class ParkPage(IPage page, string culture) : AppShell(page, culture)
{
    public static string PathOf(string code) => $"/parks/{code}";

    public ILocator Empty => Page.GetByTestId("park-empty");

    /// <summary>The figure buttons of the headline tiles, first the largest headline (规上工业总产值).</summary>
    public ILocator HeadlineFigures => Page.GetByTestId("figure-tile").GetByTestId("figure-value");

    public ILocator FigureButton(string reported) => Page.GetByTestId("figure-value").Filter(new() { HasText = reported });

    public ProvenanceDialog Provenance => new(Page);
}
