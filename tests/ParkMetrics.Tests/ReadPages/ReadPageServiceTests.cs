using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Tests.Web;
using ParkMetrics.Web;
using ParkMetrics.Web.Components.Shared;
using ParkMetrics.Web.Features.Compare;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.ReadPages;

/// <summary>The shaping the read pages' services do, in plain C#: tables, chart links, honest charts, compare's notes.</summary>
public sealed class ReadPageServiceTests
{
    private static readonly IStringLocalizer<SharedResource> Localizer = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    [Fact]
    public void FigureTableView_SortByValueDescendingOnPageTwo_GivesThatPageAndItsLinks()
    {
        IReadOnlyList<Figure> figures = [.. SeedFigures.OfPark("dongchuan").Where(f => !f.IsEnterprise)];

        var view = FigureTableView.Of(figures, "value-desc", "2", 10, f => f.IndicatorNameZh, f => f.ParkNameZh);

        Assert.Equal(2, view.Page);
        Assert.Equal((figures.Count + 9) / 10, view.PageCount);
        Assert.Equal([.. figures.OrderByDescending(f => f.Value).Skip(10).Take(10)], view.Rows);
        Assert.Equal("descending", view.AriaSort(FigureTableView.Value));
        Assert.Equal(FigureTableView.Value, view.NextSort(FigureTableView.Value)); // descending → ascending
        Assert.Equal(FigureTableView.Period, view.NextSort(FigureTableView.Period));
    }

    [Theory]
    [InlineData("title-desc", "x")]
    [InlineData(null, "99")]
    public void FigureTableView_UnknownSortOrPagePastTheEnd_KeepsTheOrderAndShowsTheLastPage(string? sort, string page)
    {
        IReadOnlyList<Figure> figures = [.. SeedFigures.OfPark("dongchuan").Take(30)];

        var view = FigureTableView.Of(figures, sort, page, 25, f => f.IndicatorNameZh, f => f.ParkNameZh);

        Assert.Null(view.SortColumn);
        Assert.Equal(page == "99" ? 2 : 1, view.Page);
        Assert.Equal(page == "99" ? figures.Skip(25) : figures.Take(25), view.Rows);
    }

    [Fact]
    public void ChartCsv_YearSeriesOfOnePark_LinksToExactlyItsPoints()
    {
        var park = SeedFigures.OfPark("dongchuan");
        var series = FigureCharts.YearSeriesFigures(park.Where(f => f.IndicatorCode == "new_materials_output_share"));

        var url = ChartCsv.For(series, park);

        Assert.Equal("api/observations.csv?park=dongchuan&indicator=new_materials_output_share&period_kind=year&from=2021&to=2025&subject=park", url);
    }

    /// <summary>January–June and January–August of one year share every export filter: a chart of one cannot link to a file of both.</summary>
    [Fact]
    public void ChartCsv_FilterThatWouldHoldMoreThanTheChart_GivesNoLink()
    {
        var june = MadeUp.Figure("industrial_output", 400, "亿元", kind: PeriodKind.YtdMonth) with { Id = 1, End = new DateOnly(2023, 6, 30) };
        var august = MadeUp.Figure("industrial_output", 550, "亿元", kind: PeriodKind.YtdMonth) with { Id = 2, End = new DateOnly(2023, 8, 31) };

        Assert.Null(ChartCsv.For([august], [june, august]));
        Assert.NotNull(ChartCsv.For([june, august], [june, august]));
    }

    /// <summary>2020's 558.9亿元 is an actual: the forecast's dashed line starts there, but the point is not the forecast's.</summary>
    [Fact]
    public void YearSeries_ForecastAfterActuals_BridgesFromTheLastActualWithoutClaimingIt()
    {
        using var _ = TestCulture.Use("zh-CN");
        Figure Year(int year, decimal value, Qualifier q = Qualifier.Exact) => MadeUp.Figure("industrial_output", value, "亿元", year: year, qualifier: q);

        var spec = FigureCharts.YearSeries([Year(2019, 500), Year(2020, 558.9m), Year(2021, 600, Qualifier.Forecast)], FigureText.Park)!;

        var forecast = Assert.Single(spec.Series, s => s.Dashed);
        Assert.Equal(1, forecast.BridgeIndex);
        Assert.Null(forecast.TableText(1, v => v.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal("预计600亿元", forecast.TableText(2, v => v.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal("2019年—2021年", spec.Period);
    }

    /// <summary>6000人 beside 3名 (people, 2000 times apart) and 片 beside 瓶 (different things) never share an axis.</summary>
    [Fact]
    public void ComparableBars_DifferentThingsOrVeryDifferentSizes_AreNeverOnOneAxis()
    {
        using var _ = TestCulture.Use("zh-CN");
        Figure F(string indicator, decimal value, string unit, string reported) =>
            MadeUp.Figure(indicator, value, unit, kind: PeriodKind.PlanCumulative, reportedUnit: reported) with { Category = "employment" };
        Figure[] figures = [F("new_jobs", 6000, "人", "人"), F("craftsmen", 3, "人", "名"), F("talents", 29, "人", "名"), F("wafers", 50000, "个", "万片"), F("vials", 20000, "个", "万瓶")];

        var charts = FigureCharts.ComparableBars(figures, f => f.IndicatorCode, minimum: 1);

        Assert.All(charts, c => Assert.True(c.Figures.Max(f => f.Value) <= FigureCharts.MaxScaleRatio * c.Figures.Min(f => f.Value)));
        Assert.Contains(charts, c => c.Figures.Select(f => f.IndicatorCode).Order().SequenceEqual(["craftsmen", "talents"]));
        Assert.DoesNotContain(charts, c => c.Figures.Any(f => f.IndicatorCode == "wafers") && c.Figures.Any(f => f.IndicatorCode == "vials"));
    }

    [Fact]
    public void ComparableBars_ForecastAmongActuals_IsAHatchedSeriesOfItsOwn()
    {
        using var _ = TestCulture.Use("zh-CN");
        var actual = MadeUp.Figure("a", 100, "亿元") with { ParkCode = "dongchuan", ParkNameZh = "东川" };
        var forecast = MadeUp.Figure("b", 80, "亿元", qualifier: Qualifier.Forecast);

        var (_, spec) = Assert.Single(FigureCharts.ComparableBars([actual, forecast], f => f.IndicatorCode));

        Assert.Equal(2, spec.Series.Count);
        Assert.Equal([100m, null], spec.Series.Single(s => !s.Dashed).Values);
        Assert.Equal([null, 80m], spec.Series.Single(s => s.Dashed).Values);
    }

    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Containments_ZoneWithItsParkAndACity_SayWhatContainsWhat(string culture)
    {
        using var _ = TestCulture.Use(culture);
        var service = new CompareService(null!, null!, null!, Localizer);
        ParkSummary P(string code, string zh, string en, ParkKind kind, string? parent) => new(code, zh, en, kind, parent, 1, 0);
        IReadOnlyList<ParkSummary> parks = [P("xining", "西宁市", "Xining City", ParkKind.Region, null), P("xetdz", "西宁经济技术开发区", "Xining ETDZ", ParkKind.Zone, "xining"),
            P("dongchuan", "东川工业园区", "Dongchuan Industrial Park", ParkKind.Park, "xetdz"), P("beichuan", "大通北川工业园区", "Beichuan", ParkKind.Park, null)];

        var zoneAndPark = service.Containments(parks, new HashSet<string> { "xetdz", "dongchuan" }, CultureInfo.CurrentUICulture);
        var twoParks = service.Containments(parks, new HashSet<string> { "beichuan", "dongchuan" }, CultureInfo.CurrentUICulture);
        var cityAndPark = service.Containments(parks, new HashSet<string> { "xining", "dongchuan" }, CultureInfo.CurrentUICulture);

        Assert.StartsWith(TestCulture.Pick(culture, "西宁经济技术开发区包含东川工业园区", "Xining ETDZ contains Dongchuan Industrial Park"), Assert.Single(zoneAndPark), StringComparison.Ordinal);
        Assert.Empty(twoParks);
        Assert.Equal(2, cityAndPark.Count); // the city contains the park (through the zone), and is no park itself
    }

    [Fact]
    public void FigureText_CultureGiven_WritesInItWhateverTheThreadsCulture()
    {
        using var _ = TestCulture.Use("zh-CN");
        var figure = SeedFigures.Find("dongchuan", "industrial_output_above_scale", "plan_cumulative", "2021-01-01");

        Assert.Equal("nearly CNY 62.4 bn", FigureText.Reported(figure, CultureInfo.GetCultureInfo("en")));
        Assert.Equal("14th Five-Year Plan, total", FigureText.Period(figure, CultureInfo.GetCultureInfo("en")));
        Assert.Equal("近624亿元", FigureText.Reported(figure));
        Assert.Equal("zh-CN", CultureInfo.CurrentUICulture.Name);
    }

    [Fact]
    public void ChartSpec_Bridge_IsInTheJsonForTheTooltipToSkip()
    {
        var spec = new ChartSpec(ChartKind.Line, ["2020年", "2021年"], [new ChartSeries("预计", [1m, 2m], Dashed: true) { BridgeIndex = 0 }]);

        Assert.Contains("\"bridgeIndex\":0", spec.ToChartJson(), StringComparison.Ordinal);
    }
}
