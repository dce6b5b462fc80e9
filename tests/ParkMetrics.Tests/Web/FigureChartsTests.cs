using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Components.Shared;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.Web;

/// <summary>Charts never put figures on one axis that are not comparable: years apart from parts of years, plan totals and states.</summary>
public sealed class FigureChartsTests
{
    /// <summary>
    /// 西宁开发区's 规上工业总产值 in the seed: 2020 actual (558.9亿元), January–August 2023 (993.1亿元) and 2025 forecast
    /// (1200亿元); a plan total and a point figure are added so that every kind a year series must refuse is present.
    /// </summary>
    private static List<Figure> ZoneOutput()
    {
        var seed = SeedFigures.OfIndicator("industrial_output_above_scale").Where(f => f.ParkCode == "xetdz").ToList();
        var template = seed.Single(f => f.PeriodKind == PeriodKind.Year && f.Qualifier == Qualifier.Exact);
        return
        [
            .. seed,
            template with { PeriodKind = PeriodKind.PlanCumulative, Start = new(2021, 1, 1), End = new(2025, 12, 31), Value = 50_000_000 },
            template with { PeriodKind = PeriodKind.Point, Start = new(2024, 6, 30), End = new(2024, 6, 30), Value = 7_777_000 },
        ];
    }

    [Fact]
    public void YearSeries_MixedPeriodKinds_HoldsOnlyCalendarYears()
    {
        using var _ = TestCulture.Use("zh-CN");

        var spec = FigureCharts.YearSeries(ZoneOutput(), FigureText.Park);

        Assert.NotNull(spec);
        Assert.Equal(["2020年", "2021年", "2022年", "2023年", "2024年", "2025年"], spec.Labels);
        var values = spec.Series.SelectMany(s => s.Values).OfType<decimal>().Distinct().Order().ToList();
        Assert.Equal([558.9m, 1200m], values); // in 亿元; never 993.1 (Jan–Aug), 5000 (plan total) or 777.7 (a point)
        Assert.Equal("亿元", spec.ValueAxisTitle);
    }

    [Fact]
    public void YearSeries_Forecast_IsASeparateDashedSeriesFromTheLastActualYear()
    {
        using var _ = TestCulture.Use("zh-CN");

        var spec = FigureCharts.YearSeries(ZoneOutput(), FigureText.Park)!;

        var actual = Assert.Single(spec.Series, s => !s.Dashed);
        var forecast = Assert.Single(spec.Series, s => s.Dashed);
        Assert.Equal("西宁经济技术开发区", actual.Label);
        Assert.Equal([558.9m, null, null, null, null, null], actual.Values);
        Assert.Equal("西宁经济技术开发区 · 预计", forecast.Label);
        Assert.Equal([558.9m, null, null, null, null, 1200m], forecast.Values);
        Assert.Equal("预计1200亿元", forecast.Notes![5]);
        Assert.Equal(actual.ColorIndex, forecast.ColorIndex);
    }

    [Fact]
    public void YearSeries_Target_IsASeparateDashedSeriesThatStandsAlone()
    {
        using var _ = TestCulture.Use("en");
        // 2022年，园区实现工业产值321亿元 · 将锚定“十四五”末形成年工业产值 500 亿元
        var figures = SeedFigures.OfIndicator("industrial_output").Where(f => f.ParkCode == "beichuan").ToList();

        var spec = FigureCharts.YearSeries(figures, FigureText.Park)!;

        Assert.Equal(["2022", "2023", "2024", "2025"], spec.Labels);
        Assert.Equal("CNY bn", spec.ValueAxisTitle);
        var actual = Assert.Single(spec.Series, s => !s.Dashed);
        var target = Assert.Single(spec.Series, s => s.Dashed);
        Assert.Equal([32.1m, null, null, null], actual.Values);
        Assert.Equal("Datong Beichuan Industrial Park · target", target.Label);
        Assert.Equal([null, null, null, 50m], target.Values);
    }

    [Fact]
    public void YearSeries_OneYearOnly_ReturnsNoChart()
    {
        var figures = SeedFigures.OfIndicator("fixed_asset_investment").Where(f => f.ParkCode == "beichuan").ToList(); // 2023 and a plan-to-date total

        Assert.Null(FigureCharts.YearSeries(figures, FigureText.Park));
    }

    [Fact]
    public void ParksSideBySide_SeveralPeriodKinds_GivesOneChartPerKind()
    {
        using var _ = TestCulture.Use("zh-CN");
        var figures = SeedFigures.OfIndicator("industrial_output_above_scale");

        var charts = FigureCharts.ParksSideBySide(figures, Parks);

        Assert.Equal([PeriodKind.Year, PeriodKind.YtdMonth, PeriodKind.HalfYear, PeriodKind.PlanCumulative], charts.Select(c => c.Kind));
        Assert.Equal(["2020年", "2022年", "2025年"], charts[0].Spec.Labels);
        Assert.Equal(["2023年1—8月"], charts[1].Spec.Labels);
        Assert.Equal(["2023年上半年"], charts[2].Spec.Labels);
        Assert.Equal(["“十四五”期间累计"], charts[3].Spec.Labels);
    }

    [Fact]
    public void ParksSideBySide_ParkWithoutFigure_HasNullNotZero()
    {
        using var _ = TestCulture.Use("zh-CN");
        var figures = SeedFigures.OfIndicator("industrial_output_above_scale");

        var years = FigureCharts.ParksSideBySide(figures, Parks).Single(c => c.Kind == PeriodKind.Year).Spec;

        Assert.Equal([null, null, null], years.Series.Single(s => s.Label == "南川工业园区").Values);
        Assert.Equal([null, null, null], years.Series.Single(s => s.Label == "东川工业园区").Values); // 东川 reports a plan total only
        Assert.Equal([null, 645m, null], years.Series.Single(s => s.Label == "甘河工业园区").Values);
        Assert.Equal([558.9m, null, null], years.Series.Single(s => s.Label == "西宁经济技术开发区").Values);
        var forecast = years.Series.Single(s => s.Label == "西宁经济技术开发区 · 预计");
        Assert.True(forecast.Dashed);
        Assert.Equal([null, null, 1200m], forecast.Values);
    }

    /// <summary>
    /// The indicator page draws both for the same parks: a park must keep its colour from chart to chart, though 西宁开发区
    /// is first of the parks list and second to appear in the figures.
    /// </summary>
    [Fact]
    public void YearSeriesAndParksSideBySide_SamePark_GetTheSameColour()
    {
        using var _ = TestCulture.Use("zh-CN");
        var figures = SeedFigures.OfIndicator("industrial_output_above_scale"); // ordered as FigureQueries orders them: by park code
        (string Code, string Name)[] parks = [("xetdz", "西宁经济技术开发区"), ("ganhe", "甘河工业园区"), ("dongchuan", "东川工业园区")]; // by figure count

        var bars = FigureCharts.ParksSideBySide(figures, parks).Single(c => c.Kind == PeriodKind.Year).Spec;
        var line = FigureCharts.YearSeries(figures, FigureText.Park, [.. parks.Select(p => p.Name)])!;

        foreach (var name in (string[])["西宁经济技术开发区", "甘河工业园区"])
            Assert.Equal(bars.Series.Single(s => s.Label == name).ColorIndex, line.Series.Single(s => s.Label == name).ColorIndex);
    }

    [Fact]
    public void ParksSideBySide_EnterpriseFigures_AreLeftOut()
    {
        using var _ = TestCulture.Use("zh-CN");
        var park = SeedFigures.Find("beichuan", "industrial_output", "year", "2022-01-01");
        var enterprise = park with { Enterprise = "青海省投", Value = 9_999_999 };

        var chart = Assert.Single(FigureCharts.ParksSideBySide([park, enterprise], [("beichuan", "大通北川工业园区")]));

        Assert.Equal([321m], Assert.Single(chart.Spec.Series).Values);
    }

    [Fact]
    public void ComparableBars_TargetsAndOtherPeriods_NeverShareABar()
    {
        using var _ = TestCulture.Use("zh-CN");
        var figures = SeedFigures.OfPark("dongchuan").Where(f => f.Category == "fiscal" && !f.IsEnterprise).ToList();
        var target = figures[0] with { PeriodKind = PeriodKind.Target, Start = new(2025, 1, 1), End = new(2025, 12, 31) };

        var charts = FigureCharts.ComparableBars([.. figures, target], FigureText.Name);

        Assert.All(charts, c => Assert.All(c.Figures, f => Assert.NotEqual(PeriodKind.Target, f.PeriodKind)));
        Assert.All(charts, c => Assert.Single(c.Spec.Series));
        Assert.Contains(charts, c => c.Spec.Series[0].Notes!.Contains("93.3亿元")); // 累计实现财政预算收入93.3亿元
    }

    [Fact]
    public void ToChartJs_EmptySeries_IsEmpty()
    {
        var spec = new ChartSpec(ChartKind.Bar, ["2023年"], [new ChartSeries("东川", [null])]);

        Assert.True(spec.IsEmpty);
    }

    private static readonly IReadOnlyList<(string Code, string Name)> Parks =
        [("xetdz", "西宁经济技术开发区"), ("dongchuan", "东川工业园区"), ("ganhe", "甘河工业园区"), ("nanchuan", "南川工业园区")];
}
