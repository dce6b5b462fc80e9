using System.Text.Json;

namespace ParkMetrics.Web.Components.Shared;

public enum ChartKind { Line, Bar, StackedBar, Doughnut }

/// <summary>
/// What a chart shows, independent of Chart.js: category labels and one or more series over them. A value of
/// <c>null</c> is a gap, never a zero.
/// </summary>
/// <param name="ValueAxisTitle">The unit the value axis reads in; a chart has one, so series of different units never share it.</param>
public sealed record ChartSpec(ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string? ValueAxisTitle = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Horizontal { get; init; }

    /// <summary>The period (or range of periods) the chart covers, in words, for its downloaded image.</summary>
    public string? Period { get; init; }

    /// <summary>The titles of the sources of the chart's figures, for its downloaded image.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public bool IsEmpty => Labels.Count == 0 || Series.All(s => s.Values.All(v => v is null));

    /// <summary>The shape ChartView.razor.js reads, as the JSON of the canvas's <c>data-chart</c> attribute.</summary>
    internal string ToChartJson() => JsonSerializer.Serialize(new
    {
        Kind = Kind switch { ChartKind.Line => "line", ChartKind.StackedBar => "stackedBar", ChartKind.Doughnut => "doughnut", _ => "bar" },
        Labels,
        Series = Series.Select(s => new { s.Label, s.Values, s.Notes, s.Dashed, s.ColorIndex, s.BridgeIndex }),
        ValueAxisTitle,
        Horizontal,
    }, Json);

    /// <summary>What a downloaded PNG carries besides the chart: its title and a line each for unit, period and sources.</summary>
    internal static string ToImageJson(string fileName, string title, IReadOnlyList<string> lines) =>
        JsonSerializer.Serialize(new { FileName = fileName, Title = title, Lines = lines }, Json);
}

/// <param name="Notes">Per point, the text a tooltip and the table show instead of the bare number (e.g. 近624亿元).</param>
/// <param name="Dashed">Targets and forecasts: dashed lines, hatched bars and hollow markers, so they never read as actual values.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<string?>? Notes = null, bool Dashed = false)
{
    /// <summary>Which colour of the palette; series of one subject share it, whether actual or dashed.</summary>
    public int ColorIndex { get; init; }

    /// <summary>
    /// A point drawn only to join a forecast's dashed line to the last actual value: it is the actual's figure, so the
    /// table, the tooltip and the CSV never show it in the forecast's column.
    /// </summary>
    public int? BridgeIndex { get; init; }

    /// <summary>The value of point <paramref name="index"/> as a table shows it: its note, else the number; a bridge or gap is a dash.</summary>
    public string? TableText(int index, Func<decimal, string> number) =>
        index == BridgeIndex ? null : Notes?[index] ?? (Values[index] is { } v ? number(v) : null);
}
