namespace ParkMetrics.Web.Components.Shared;

public enum ChartKind { Line, Bar, StackedBar, Doughnut }

/// <summary>
/// What a chart shows, independent of Chart.js: category labels and one or more series over them. A value of
/// <c>null</c> is a gap, never a zero.
/// </summary>
public sealed record ChartSpec(ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string? ValueAxisTitle = null)
{
    public bool Horizontal { get; init; }
    public bool IsEmpty => Labels.Count == 0 || Series.All(s => s.Values.All(v => v is null));

    /// <summary>The shape ChartView.razor.js reads (serialised in camelCase by JS interop).</summary>
    internal object ToChartJs() => new
    {
        Kind = Kind switch { ChartKind.Line => "line", ChartKind.StackedBar => "stackedBar", ChartKind.Doughnut => "doughnut", _ => "bar" },
        Labels,
        Series,
        ValueAxisTitle,
        Horizontal,
    };
}

/// <param name="Notes">Per point, the text a tooltip shows instead of the bare number (e.g. 近624亿元 · 2023年).</param>
/// <param name="Dashed">Targets and forecasts: drawn dashed with hollow markers so they never read as actual values.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<string?>? Notes = null, bool Dashed = false)
{
    /// <summary>Which colour of the palette; series of one subject share it, whether actual or dashed.</summary>
    public int ColorIndex { get; init; }
}
