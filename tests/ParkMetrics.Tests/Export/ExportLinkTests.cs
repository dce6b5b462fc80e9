using Bunit;
using ParkMetrics.Tests.Web;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.Export;

public sealed class ExportLinkTests : ComponentTest
{
    [Theory]
    [InlineData("api/observations.csv", "api/observations.xlsx")]
    [InlineData("api/observations.csv?park=xetdz&category=output&lang=en", "api/observations.xlsx?park=xetdz&category=output&lang=en")]
    public void Workbook_OfACsvLink_IsTheSameQueryAsAWorkbook(string csv, string workbook) =>
        Assert.Equal(workbook, CsvLink.Workbook(csv));

    [Fact]
    public void Workbook_OfAnotherLink_NamesTheParameter() =>
        Assert.Equal("csvUrl", Assert.Throws<ArgumentException>(() => CsvLink.Workbook("parks/xetdz")).ParamName);

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void FigureTable_WithACsvLink_LinksToItsWorkbookToo(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var figure = SeedFigures.Find("dongchuan", "industrial_output_above_scale", "plan_cumulative", "2021-01-01");
        var csv = CsvLink.For(("park", "dongchuan"), ("category", "output"));

        var cut = Render<FigureTable>(p => p.Add(c => c.Figures, [figure]).Add(c => c.CsvUrl, csv));

        var link = cut.Find("[data-testid=table-xlsx]");
        Assert.Equal(CsvLink.Workbook(csv), link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Equal(TestCulture.Pick(culture, "下载本表 Excel", "Excel workbook of this table"), link.TextContent);
    }
}
