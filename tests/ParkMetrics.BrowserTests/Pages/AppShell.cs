namespace ParkMetrics.BrowserTests.Pages;

/// <summary>What every page has: the skip link, the navigation with the language button, and one h1.</summary>
public class AppShell(IPage page, string culture)
{
    protected IPage Page { get; } = page;
    protected string Culture { get; } = culture;

    public ILocator SkipLink => Page.GetByRole(AriaRole.Link, new() { Name = Ui.SkipToContent(Culture), Exact = true });

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = Ui.AppName(Culture), Exact = true });

    public ILocator NavigationLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The links of the navigation's list (Overview … Sources), without the brand, language and sign-in links.</summary>
    public ILocator NavigationLinks => Navigation.GetByRole(AriaRole.List).First.GetByRole(AriaRole.Link);

    public ILocator BrandLink => Navigation.GetByRole(AriaRole.Link, new() { Name = Ui.AppName(Culture), Exact = true });

    public ILocator LanguageButton => Page.GetByTestId("switch-language");

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator HeadingNamed(string name) => Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = name, Exact = true });

    public ILocator Charts => Page.GetByTestId("chart");

    public ChartCard Chart(string title) => new(Charts.Filter(new() { Has = Page.Locator("figcaption", new() { HasText = title }) }).First);

    public ChartCard ChartAt(int index) => new(Charts.Nth(index));
}
