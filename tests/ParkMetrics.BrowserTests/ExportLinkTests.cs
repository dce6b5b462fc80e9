using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>
/// A park's tables and charts link to the workbook of their figures, saved under a name that says what it holds: a
/// table, its category; a chart, exactly its points (the indicator, the period kind and the years it draws).
/// </summary>
public sealed class ExportLinkTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Ui.Languages), MemberType = typeof(Ui))]
    public async Task WorkbookLinks_ParkPage_DownloadTheCategorysWorkbook(string culture)
    {
        await using var session = await app.OpenAsync(culture);
        await session.GotoAsync(ParkPage.PathOf("dongchuan"));
        var table = Ui.Pick(culture, "东川工业园区-产值与增长-园区本级-指标.xlsx", "Dongchuan Industrial Park-Output and growth-parks' own figures-indicators.xlsx");
        var chart = Ui.Pick(culture, "东川工业园区-规上新材料企业产值占规上工业总产值比重-园区本级-年度-2021—2025年.xlsx",
            "Dongchuan Industrial Park-Share of new-materials enterprises in gross industrial output (above designated size)-parks' ….xlsx");

        foreach (var (link, name) in new[] { (session.Page.GetByTestId("table-xlsx").First, table), (session.Page.GetByTestId("chart-xlsx").First, chart) })
        {
            var download = await session.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());

            Assert.Equal(name, download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
            Assert.Equal("PK"u8.ToArray(), bytes[..2]); // a zip: the workbook, not an error page
        }
        await Expect(session.Page.GetByTestId("table-xlsx").First).ToHaveTextAsync(Ui.Pick(culture, "下载本表 Excel", "Excel workbook of this table"));
        session.AssertNoConsoleErrors();
    }
}
