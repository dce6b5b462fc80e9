using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Web.Features.Admin;

namespace ParkMetrics.Tests.Web;

public sealed class EntryCellTests
{
    private const int StatisticsOffice = 1;
    private const int Article = 2;
    private static readonly HashSet<int> WithText = [Article];

    private static EntryRow NewRow() => new(7, "industrial_investment", "工业投资", "Industrial investment", "investment", "万元", MeasureKind.Level,
        null, null, null, null, null, Qualifier.Exact, null, null, null);

    [Fact]
    public void Validate_SourceWithTextAndNoQuote_AsksForTheQuote()
    {
        using var culture = TestCulture.Use("zh-CN");
        var cell = new EntryCell(NewRow(), StatisticsOffice, WithText) { Text = "5", SourceId = Article };

        Assert.False(cell.Validate());
        Assert.Equal("该来源有原文，请填写数据所在的原文语句", cell.Error);
    }

    [Fact]
    public void Validate_SourceWithoutTextAndNoQuote_IsFine()
    {
        var cell = new EntryCell(NewRow(), StatisticsOffice, WithText) { Text = "5" };

        Assert.True(cell.Validate());
        Assert.Equal("", cell.ToChange().Quote);
    }

    [Fact]
    public void ToChange_QuoteTyped_CarriesItTrimmed()
    {
        var cell = new EntryCell(NewRow(), StatisticsOffice, WithText) { Text = "5", SourceId = Article, Quote = " 完成工业投资5亿元 " };

        Assert.True(cell.Validate());
        Assert.Equal("完成工业投资5亿元", cell.ToChange().Quote);
    }

    [Fact]
    public void IsChanged_OnlyTheQuoteOfAStoredFigureEdited_IsAChange()
    {
        var stored = NewRow() with { ObservationId = 3, Version = 9, Value = 50_000, SourceId = Article, Quote = "完成工业投资5亿元" };
        var cell = new EntryCell(stored, StatisticsOffice, WithText);
        Assert.False(cell.IsChanged);

        cell.Quote = "今年完成工业投资5亿元";

        Assert.True(cell.IsChanged);
    }
}
