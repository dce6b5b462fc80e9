using System.Globalization;
using Microsoft.Extensions.Localization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Components.Shared;
using ParkMetrics.Web.Features.Figures;
using ParkMetrics.Web.Localization;

namespace ParkMetrics.Web.Features.Parks;

/// <summary>A category of a park's own figures: its charts and its table.</summary>
public sealed record CategoryView(string Key, string Title, IReadOnlyList<Figure> Figures, IReadOnlyList<FigureChart> Charts, string CsvUrl);

public sealed record PlanLink(string Code, string Name);

/// <summary>A park's page; <see cref="Park"/> is null when no park has the code asked for.</summary>
public sealed record ParkModel(ParkSummary? Park, string Name, string OtherName, ParkSummary? Parent, string? ParentName,
    IReadOnlyList<(ParkSummary Park, string Name)> Children, IReadOnlyList<Figure> Figures, IReadOnlyList<Figure> Headlines,
    IReadOnlyList<CategoryView> Categories, IReadOnlyList<EnterpriseSummary> Enterprises, IReadOnlyList<Figure> EnterpriseFigures,
    IReadOnlyList<PlanLink> Plans, FigureContext Context)
{
    public bool NotFound => Park is null;

    public static ParkModel Missing(string code) =>
        new(null, code, "", null, null, [], [], [], [], [], [], [], FigureContext.None);
}

/// <summary>A park's figures by category, with the charts that may honestly be drawn of them.</summary>
public sealed class ParkService(CatalogQueries catalog, FigureQueries figures, FigureContexts contexts, IStringLocalizer<SharedResource> localizer)
{
    public async Task<ParkModel> LoadAsync(string code, CultureInfo culture, CancellationToken ct = default)
    {
        var parks = await catalog.ParksAsync(ct);
        var park = parks.FirstOrDefault(p => p.Code == code);
        if (park is null) return ParkModel.Missing(code);
        var parent = parks.FirstOrDefault(p => p.Code == park.ParentCode);
        var all = await figures.ForParkAsync(code, ct);
        var own = all.Where(f => !f.IsEnterprise).ToList();
        var categories = own.GroupBy(f => f.Category).OrderBy(g => Categories.Rank(g.Key))
            .Select(g => new CategoryView(g.Key, localizer["Category_" + g.Key], [.. g], ChartsOf(code, g.Key, [.. g], own),
                CsvLink.For(("park", code), ("category", g.Key), ("subject", "park"))))
            .ToList();
        var plans = all.Where(f => f.PlanCode is not null && f.PeriodKind is PeriodKind.PlanCumulative or PeriodKind.PlanToDate or PeriodKind.AnnualAverage or PeriodKind.Target)
            .Select(f => new PlanLink(f.PlanCode!, Names.IsChinese(culture) ? $"“{f.PlanNameZh}”规划" : f.PlanNameEn!))
            .Distinct().OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var enterprises = await catalog.EnterprisesAsync(code, ct);
        var headlines = Headlines.Pick(own, 8);
        var context = await contexts.LoadAsync(all, ct);
        return new ParkModel(park, park.Name(culture), park.OtherName(culture), parent, parent?.Name(culture),
            [.. parks.Where(p => p.ParentCode == code).Select(p => (p, p.Name(culture)))], all, headlines, categories,
            enterprises, [.. all.Where(f => f.IsEnterprise)], plans, context);
    }

    /// <summary>A line over the years per indicator with a yearly series, then bars of the figures that share a period and a unit.</summary>
    public IReadOnlyList<FigureChart> ChartsOf(string parkCode, string category, IReadOnlyList<Figure> categoryFigures, IReadOnlyList<Figure> parkFigures)
    {
        var charts = new List<FigureChart>();
        foreach (var indicator in categoryFigures.GroupBy(f => f.IndicatorCode))
            if (FigureCharts.YearSeries(indicator, FigureText.Park) is { } line)
                charts.Add(new(FigureText.Name(indicator.First()), line, $"{parkCode}-{indicator.Key}",
                    ChartCsv.For(FigureCharts.YearSeriesFigures(indicator), parkFigures)));
        foreach (var (members, spec) in FigureCharts.ComparableBars(categoryFigures, FigureText.Name))
        {
            var sample = members[0];
            charts.Add(new($"{localizer["Category_" + category]} · {FigureText.Period(sample)}", spec,
                $"{parkCode}-{category}-{sample.Start:yyyyMMdd}-{sample.End:yyyyMMdd}", ChartCsv.For(members, parkFigures)));
        }
        return charts;
    }

    /// <summary>A horizontal bar chart grows with its bars; others keep one height.</summary>
    public static int ChartHeight(ChartSpec spec) => spec.Horizontal ? Math.Max(160, 40 + 34 * spec.Labels.Count) : 280;
}
