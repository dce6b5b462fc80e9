namespace ParkMetrics.BrowserTests.Pages;

public sealed class ComparePage(IPage page, string culture) : AppShell(page, culture)
{
    public static string PathOf(string indicator, params string[] parks) => $"/compare?indicator={indicator}&parks={string.Join(',', parks)}";

    public string Title => Ui.Pick(Culture, "园区对比", "Compare parks");

    public ILocator ParkCheckbox(string name) => Page.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });

    public ILocator Indicator => Page.GetByTestId("compare-indicator");
}
