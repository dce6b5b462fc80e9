namespace ParkMetrics.BrowserTests.Pages;

public sealed class OverviewPage(IPage page, string culture) : AppShell(page, culture)
{
    public const string Path = "/";

    public string Title => Ui.Pick(Culture, "园区经济指标总览", "Industrial parks at a glance");

    /// <summary>东川's 规上新材料企业产值占比 over 2021–2025, the overview's series chart.</summary>
    public ChartCard NewMaterialsShare => Chart(Ui.Pick(Culture, "东川工业园区 · 规上新材料企业产值占规上工业总产值比重", "Dongchuan Industrial Park · Share of new-materials"));

    public Task<bool> HasHorizontalScrollAsync() => Page.EvaluateAsync<bool>(Infrastructure.Scripts.HasHorizontalScroll);

    public Task<int[]> ScrollWidthsAsync() => Page.EvaluateAsync<int[]>(Infrastructure.Scripts.ScrollWidths);
}
