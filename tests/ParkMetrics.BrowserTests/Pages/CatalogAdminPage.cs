namespace ParkMetrics.BrowserTests.Pages;

/// <summary>An admin page of the catalog (/admin/sources, /admin/indicators, /admin/units, /admin/parks): a filterable list and a form.</summary>
public sealed class CatalogAdminPage(IPage page, string culture) : AppShell(page, culture)
{
    public const string Sources = "/admin/sources";
    public const string Indicators = "/admin/indicators";
    public const string Units = "/admin/units";
    public const string Parks = "/admin/parks";

    public ILocator Filter => Page.GetByTestId("catalog-filter");

    public ILocator Rows => Page.GetByTestId("catalog-list").Locator("tbody tr");

    public ILocator Row(string text) => Rows.Filter(new() { HasText = text });

    /// <summary>A form field by its label, exactly as the page shows it.</summary>
    public ILocator Field(string zh, string en) => Page.GetByLabel(Ui.Pick(Culture, zh, en), new() { Exact = true });

    public ILocator Save => Page.GetByTestId("catalog-save");

    public ILocator Saved => Page.GetByTestId("catalog-saved");

    public ILocator Errors => Page.GetByTestId("catalog-errors");

    public ILocator History => Page.GetByTestId("history");
}
