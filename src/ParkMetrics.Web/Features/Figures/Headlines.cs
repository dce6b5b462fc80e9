using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>The figures an official looks at first, in this order, and how to pick the one to show for each.</summary>
public static class Headlines
{
    public static readonly IReadOnlyList<string> IndicatorCodes =
    [
        "industrial_output_above_scale", "industrial_output", "industrial_value_added_above_scale_growth", "industrial_value_added_growth",
        "industrial_output_above_scale_growth", "fixed_asset_investment", "industrial_investment", "fiscal_budget_revenue",
        "key_enterprise_tax", "exports", "import_export", "industrial_enterprises_above_scale", "market_entities",
    ];

    /// <summary>Shares that tell how a park's industry is changing, drawn on the overview when reported over several years.</summary>
    public static readonly IReadOnlyList<string> SeriesCodes = ["new_materials_output_share"];

    /// <summary>
    /// For each headline indicator a park reports, its most recent actual figure (latest period end; a target or a
    /// forecast only when nothing else exists), in headline order.
    /// </summary>
    public static IReadOnlyList<Figure> Pick(IEnumerable<Figure> parkFigures, int max = 6) =>
    [
        .. parkFigures
            .Where(f => !f.IsEnterprise && IndicatorCodes.Contains(f.IndicatorCode))
            .GroupBy(f => f.IndicatorCode)
            .Select(g => g.OrderBy(f => f.PeriodKind == PeriodKind.Target || f.Qualifier == Qualifier.Forecast ? 1 : 0)
                .ThenByDescending(f => f.End).ThenBy(f => f.Start).First())
            .OrderBy(f => IndicatorCodes.IndexOf(f.IndicatorCode))
            .Take(max),
    ];

    private static int IndexOf(this IReadOnlyList<string> list, string code)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == code) return i;
        return -1;
    }
}
