using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>A park's tables and charts link to the workbook of their figures, saved under a name that says what it holds.</summary>
public sealed class ExportLinkTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Ui.Languages), MemberType = typeof(Ui))]
    public async Task WorkbookLinks_ParkPage_DownloadTheCategorysWorkbook(string culture)
    {
        await using var session = await app.OpenAsync(culture);
        await session.GotoAsync(ParkPage.PathOf("dongchuan"));
        var name = Ui.Pick(culture, "东川工业园区-产值与增长-园区本级-指标.xlsx", "Dongchuan Industrial Park-Output and growth-parks' own figures-indicators.xlsx");

        foreach (var link in new[] { session.Page.GetByTestId("table-xlsx").First, session.Page.GetByTestId("chart-xlsx").First })
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
