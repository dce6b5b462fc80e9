using ParkMetrics.Web.Features.Sources;

namespace ParkMetrics.Tests.Web;

public sealed class SourceTextTests
{
    private static string Plain(IReadOnlyList<TextRun> runs) => string.Concat(runs.Select(r => r.Text));

    [Fact]
    public void Paragraphs_HardWrappedColumn_JoinsLinesAndSplitsAtBlankLines()
    {
        const string text = "\r\n　　“十四五”期间，东川园区\r\n深入贯彻落实。\r\n\r\n  \r\n累计拥有规上工业企业33家，\n限上批零企业100家。\n";

        var paragraphs = SourceText.Paragraphs(text);

        Assert.Equal(["“十四五”期间，东川园区深入贯彻落实。", "累计拥有规上工业企业33家，限上批零企业100家。"], paragraphs.Select(Plain));
    }

    [Fact]
    public void Paragraphs_LatinWordsAcrossAWrap_KeepASpace()
    {
        Assert.Equal("Output rose by 8.1% in 2024.", Plain(Assert.Single(SourceText.Paragraphs("Output rose\nby 8.1% in 2024."))));
    }

    [Fact]
    public void Paragraphs_QuoteAcrossAHardWrap_IsHighlightedWithItsNumberMarked()
    {
        const string text = "前言。\n\n1—8月，开发区完成规上工业产\n值993.1亿元，增长18.7%。";

        var paragraph = SourceText.Paragraphs(text, "完成规上工业产\n值993.1亿元", 993.1m)[1];

        Assert.Equal(
            [new TextRun("1—8月，开发区", RunKind.Plain), new TextRun("完成规上工业产值", RunKind.Quote), new TextRun("993.1", RunKind.Number),
             new TextRun("亿元", RunKind.Quote), new TextRun("，增长18.7%。", RunKind.Plain)],
            paragraph);
    }

    [Fact]
    public void Paragraphs_QuoteNotInTheText_HighlightsNothing()
    {
        var runs = SourceText.Paragraphs("工業投資125.8億元。", "工业投资125.8亿元", 125.8m).SelectMany(p => p);

        Assert.All(runs, r => Assert.Equal(RunKind.Plain, r.Kind));
    }

    [Fact]
    public void Sentence_QuoteInsideALongParagraph_ReachesFromTheSentenceBeforeToItsEnd()
    {
        const string text = "标题\n\n园区经济平稳。上半年，园区实现\n工业总产值120亿元，同比增长9%；工业投资30亿元。\n\n下一段。";

        var sentence = SourceText.Sentence(text, "工业总产值120亿元", 120)!;

        Assert.Equal("上半年，园区实现工业总产值120亿元，同比增长9%；", Plain(sentence));
        Assert.Equal("120", Assert.Single(sentence, r => r.Kind == RunKind.Number).Text);
    }

    [Fact]
    public void Sentence_NoSentenceEndForLong_IsCutWithEllipses()
    {
        var text = new string('甲', 400) + "产值50亿元" + new string('乙', 400);

        var sentence = Plain(SourceText.Sentence(text, "产值50亿元", 50)!);

        Assert.Equal("…" + new string('甲', SourceText.SentenceReach) + "产值50亿元" + new string('乙', SourceText.SentenceReach) + "…", sentence);
    }

    [Fact]
    public void Sentence_QuoteAtAParagraphStart_StopsAtTheBlankLine()
    {
        Assert.Equal("产值50亿元。", Plain(SourceText.Sentence("上一段没有句号\n\n产值50亿元。下一句。", "产值50亿元", 50)!));
    }

    [Fact]
    public void Sentence_QuoteNotInTheText_IsNull()
    {
        Assert.Null(SourceText.Sentence("工業投資125.8億元。", "工业投资125.8亿元", 125.8m));
    }
}
