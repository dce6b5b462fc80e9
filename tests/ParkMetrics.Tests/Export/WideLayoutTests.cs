using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Export;

namespace ParkMetrics.Tests.Export;

public sealed class WideLayoutTests
{
    private static readonly PeriodLabels Labels = new(ExportRequest.Chinese);

    private static ExportRow Row(PeriodKind kind, int year, decimal value, Qualifier qualifier, int source, int asOfYear, int indicator = 1) => new(
        1, "xetdz", "西宁经济技术开发区", "Xining ETDZ", null, null, indicator, "output", "产值", "Output", MeasureKind.Level, "万元",
        kind, new DateOnly(year, 1, 1), new DateOnly(kind == PeriodKind.Year ? year : year + 4, 12, 31), kind == PeriodKind.Year ? null : "十四五", kind == PeriodKind.Year ? null : "14th FYP",
        value, value, "万元", qualifier, source, "来源" + source, null, new DateOnly(asOfYear, 1, 1), "引文");

    private static WideLayout Layout(params ExportRow[] rows) => WideLayout.Create(rows.Select(r =>
        new ExportPeriod(r.PeriodKind, r.Start, r.End, r.PlanNameZh, r.PlanNameEn, r.Measure, r.Qualifier == Qualifier.Forecast)), Labels, zh: true);

    private static async Task<List<WideRow>> FoldAsync(WideLayout layout, params ExportRow[] rows) =>
        await layout.RowsAsync(rows.ToAsyncEnumerable(), Labels, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task RowsAsync_AForecastAndAReportedFigureOfOneYear_SitSideBySideInOneRow()
    {
        ExportRow[] rows = [Row(PeriodKind.Year, 2025, 1200, Qualifier.Forecast, 1, 2023), Row(PeriodKind.Year, 2025, 1180, Qualifier.Approx, 2, 2026)];
        var layout = Layout(rows);

        var row = Assert.Single(await FoldAsync(layout, rows));

        Assert.Equal(["2025年", "2025年（预计）"], layout.Columns.Select(c => c.Header));
        Assert.Equal([new WideCell(1180, Qualifier.Approx), new WideCell(1200, Qualifier.Forecast)], row.Cells);
    }

    [Fact]
    public async Task RowsAsync_ThreeSourcesOfOnePeriod_RankedLatestFirst()
    {
        ExportRow[] rows = [Row(PeriodKind.Year, 2024, 10, Qualifier.Exact, 1, 2024), Row(PeriodKind.Year, 2024, 12, Qualifier.Over, 2, 2026),
            Row(PeriodKind.Year, 2024, 11, Qualifier.Approx, 3, 2025), Row(PeriodKind.Year, 2023, 9, Qualifier.Exact, 1, 2024)];

        var folded = await FoldAsync(Layout(rows), rows);

        Assert.Equal([1, 2, 3], folded.Select(r => r.Rank));
        Assert.Equal([new WideCell(9, Qualifier.Exact), new WideCell(12, Qualifier.Over)], folded[0].Cells);
        Assert.Equal([null, new WideCell(11, Qualifier.Approx)], folded[1].Cells);
        Assert.Equal([null, new WideCell(10, Qualifier.Exact)], folded[2].Cells);
    }

    [Fact]
    public async Task Create_AnnualAverageAndPlanTotalOfOnePlan_AreTwoColumns()
    {
        ExportRow[] rows = [Row(PeriodKind.PlanCumulative, 2021, 5000, Qualifier.Exact, 1, 2025), Row(PeriodKind.AnnualAverage, 2021, 1000, Qualifier.Exact, 1, 2025, indicator: 2)];
        var layout = Layout(rows);

        var folded = await FoldAsync(layout, rows);

        Assert.Equal([PeriodKind.AnnualAverage, PeriodKind.PlanCumulative], layout.Columns.Select(c => c.Kind));
        Assert.Equal(2, layout.Columns.Select(c => c.Header).Distinct().Count());
        Assert.All(folded, r => Assert.Single(r.Cells, c => c is not null));
    }
}
