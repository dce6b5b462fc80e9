using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Figures;
using ParkMetrics.Web.Localization;

namespace ParkMetrics.Web.Features.Plans;

/// <summary>A park's part of a plan: its targets (with what it would take to meet them), its plan totals and its forecasts.</summary>
public sealed record PlanPark(ParkSummary Park, string Name, IReadOnlyList<TargetProgress> Targets, IReadOnlyList<Figure> Totals, IReadOnlyList<Figure> Averages, IReadOnlyList<Figure> Forecasts, int FigureCount);

/// <summary>A plan's page, ten parks at a time; <see cref="Plan"/> is null when no plan has the code asked for.</summary>
public sealed record PlanModel(IReadOnlyList<PlanPeriod> Plans, PlanPeriod? Plan, string Name, IReadOnlyList<PlanPark> Parks, int Page, int PageCount, int ParkCount, FigureContext Context)
{
    public bool NotFound => Plan is null;
}

public sealed class PlanService(CatalogQueries catalog, FigureQueries figures, FigureContexts contexts)
{
    /// <summary>Parks per page: each brings its targets, totals and the series their progress is judged by.</summary>
    public const int ParksPerPage = 10;

    public async Task<PlanModel> LoadAsync(string code, int? pageNumber, CultureInfo culture, CancellationToken ct = default)
    {
        var plans = await catalog.PlansAsync(ct);
        var plan = plans.FirstOrDefault(p => p.Code == code);
        if (plan is null) return new(plans, null, code, [], 1, 1, 0, FigureContext.None);
        var indicators = await catalog.IndicatorsAsync(ct);
        var parks = await catalog.ParksAsync(ct);
        var planFigures = (await figures.ForPlanAsync(plan, ct)).Where(IsPlanFigure).ToLookup(f => f.ParkCode);
        var withFigures = parks.Where(p => planFigures.Contains(p.Code)).ToList();
        var pageCount = Math.Max(1, (withFigures.Count + ParksPerPage - 1) / ParksPerPage);
        var page = Math.Clamp(pageNumber ?? 1, 1, pageCount);
        IReadOnlyCollection<string> GrowthOf(string level) =>
            [.. indicators.Where(i => i.BaseCode == level && i.Measure == MeasureKind.GrowthRate).Select(i => i.Code)];
        var shown = new List<PlanPark>();
        foreach (var park in withFigures.Skip((page - 1) * ParksPerPage).Take(ParksPerPage))
        {
            var mine = planFigures[park.Code].ToList();
            var parkFigures = await figures.ForParkAsync(park.Code, ct);
            shown.Add(new PlanPark(park, park.Name(culture),
                [.. mine.Where(f => f.PeriodKind == PeriodKind.Target).Select(t => TargetProgress.Assess(t, parkFigures, GrowthOf))],
                [.. mine.Where(f => f.PeriodKind is PeriodKind.PlanCumulative or PeriodKind.PlanToDate && f.Qualifier != Qualifier.Forecast)],
                [.. mine.Where(f => f.PeriodKind is PeriodKind.AnnualAverage && f.Qualifier != Qualifier.Forecast)],
                [.. mine.Where(f => f.Qualifier == Qualifier.Forecast)], mine.Count));
        }
        var context = await contexts.LoadAsync([.. shown.SelectMany(p => p.Targets.SelectMany(t => new[] { t.Target, t.Latest }).OfType<Figure>().Concat(p.Totals).Concat(p.Averages).Concat(p.Forecasts))], ct);
        return new(plans, plan, plan.Name(culture), shown, page, pageCount, withFigures.Count, context);
    }

    private static bool IsPlanFigure(Figure f) =>
        f.PeriodKind is PeriodKind.PlanCumulative or PeriodKind.PlanToDate or PeriodKind.AnnualAverage or PeriodKind.Target || f.Qualifier == Qualifier.Forecast;
}
