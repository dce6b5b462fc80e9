using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Export;

namespace ParkMetrics.Tests.Export;

public sealed class ExportCursorTests
{
    [Fact]
    public void Of_RowWithAndWithoutEnterprise_ReadsBackAsTheSamePosition()
    {
        var own = new ExportPosition(3, null, 17, PeriodKind.PlanToDate, new DateOnly(2021, 1, 1), new DateOnly(2024, 2, 1), 9);
        var enterprise = own with { EnterpriseId = 42 };

        Assert.True(ExportCursor.TryReadLong(ExportCursor.Of(own), out var ownBack));
        Assert.True(ExportCursor.TryReadLong(ExportCursor.Of(enterprise), out var enterpriseBack));

        Assert.Equal(own, ownBack);
        Assert.Equal(enterprise, enterpriseBack);
    }

    [Fact]
    public void Of_Series_ReadsBackOnlyAsAWideCursor()
    {
        var series = new SeriesPosition(2, 5, 8, PeriodKind.AnnualAverage);

        var cursor = ExportCursor.Of(series);

        Assert.True(ExportCursor.TryReadWide(cursor, out var back));
        Assert.Equal(series, back);
        Assert.False(ExportCursor.TryReadLong(cursor, out _));
        Assert.Matches("^[A-Za-z0-9_-]+$", cursor); // goes in a query string as it is
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("bHwxfHwxfHllYXJ8MjAyMS0wMS0wMXwyMDIxLTEyLTMx")] // l|1||1|year|2021-01-01|2021-12-31: one field short
    [InlineData("bHx4fHwxfHllYXJ8MjAyMS0wMS0wMXwyMDIxLTEyLTMxfDE")] // l|x||1|year|…: the park is not a number
    [InlineData("d3wxfHwxfHdlZWs")] // w|1||1|week: not a period kind
    public void TryRead_Damaged_IsRefused(string cursor)
    {
        Assert.False(ExportCursor.TryReadLong(cursor, out _));
        Assert.False(ExportCursor.TryReadWide(cursor, out _));
    }
}
