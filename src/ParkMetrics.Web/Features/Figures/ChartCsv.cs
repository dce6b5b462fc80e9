using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>
/// The CSV link of a chart: the export's filters (parks, indicators, period kinds, years by period start, the parks'
/// own figures) narrowed to the chart's figures, offered only when the export would hold exactly the figures drawn
/// (checked against all the figures the page read: a chart whose points no filter can single out gets no link rather
/// than a file holding more). The export names the file after the same filters.
/// </summary>
public static class ChartCsv
{
    /// <param name="drawn">The figures the chart draws.</param>
    /// <param name="pool">Every figure the export's filter could reach that the page knows of (all of a park's, or of an indicator's).</param>
    public static string? For(IReadOnlyCollection<Figure> drawn, IEnumerable<Figure> pool)
    {
        if (drawn.Count == 0 || drawn.Any(f => f.IsEnterprise)) return null;
        var parks = drawn.Select(f => f.ParkCode).ToHashSet();
        var indicators = drawn.Select(f => f.IndicatorCode).ToHashSet();
        var kinds = drawn.Select(f => f.PeriodKind).ToHashSet();
        var from = drawn.Min(f => f.Start.Year);
        var to = drawn.Max(f => f.Start.Year);
        bool Matches(Figure f) => !f.IsEnterprise && parks.Contains(f.ParkCode) && indicators.Contains(f.IndicatorCode) && kinds.Contains(f.PeriodKind)
            && f.Start.Year >= from && f.Start.Year <= to;
        var ids = drawn.Select(f => f.Id).ToHashSet();
        if (pool.Where(Matches).Any(f => !ids.Contains(f.Id))) return null;
        return CsvLink.For(
            ("park", string.Join(',', parks.Order(StringComparer.Ordinal))),
            ("indicator", string.Join(',', indicators.Order(StringComparer.Ordinal))),
            ("period_kind", string.Join(',', kinds.Order().Select(EnumCode.Of<PeriodKind>))),
            ("from", from.ToString(CultureInfo.InvariantCulture)),
            ("to", to.ToString(CultureInfo.InvariantCulture)),
            ("subject", "park"));
    }
}
