using Bunit;
using ParkMetrics.Web.Features.Sources;

namespace ParkMetrics.Tests.Web;

public sealed class SourceTextViewTests : ComponentTest
{
    private const string Text = "开发区规上工业产值达993.1亿元\n\n1—8月，开发区完成规上工业产值993.1亿元，\n增长18.7%，规上工业增加值增长30%以上。\n";

    [Fact]
    public void Render_WithAFiguresQuote_HighlightsTheQuoteWhereItStandsAndMarksItsNumber()
    {
        var cut = Render<SourceTextView>(p => p.Add(c => c.Text, Text).Add(c => c.Quote, "规上工业增加值增长30%以上").Add(c => c.Number, 30m));

        var quote = cut.Find("[data-testid=source-quote]");
        Assert.Equal("规上工业增加值增长30%以上", quote.TextContent);
        Assert.Equal("30", Assert.Single(cut.FindAll("mark")).TextContent);
        Assert.Equal("30", cut.Find("[data-testid=source-quote] > mark").TextContent);
        Assert.Equal(["开发区规上工业产值达993.1亿元", "1—8月，开发区完成规上工业产值993.1亿元，增长18.7%，规上工业增加值增长30%以上。"],
            cut.FindAll("p").Select(p => p.TextContent));
        Assert.Equal("zh", cut.Find("[data-testid=source-text]").GetAttribute("lang"));
    }

    [Fact]
    public void Render_WithoutAFigure_ShowsThePlainText()
    {
        var cut = Render<SourceTextView>(p => p.Add(c => c.Text, Text));

        Assert.Empty(cut.FindAll("mark"));
        Assert.Empty(cut.FindAll("[data-testid=source-quote]"));
        Assert.Equal(2, cut.FindAll("p").Count);
    }
}
