using System.Text.Json;
using ParkMetrics.BrowserTests.Infrastructure;

namespace ParkMetrics.BrowserTests.Pages;

/// <summary>A ChartView: its canvas, the chart/table toggle and the table view.</summary>
public sealed class ChartCard(ILocator root)
{
    public ILocator Root => root;

    public ILocator Canvas => root.Locator("canvas");

    public ILocator TableButton => root.GetByTestId("show-table");

    /// <summary>The chart's table: shown without script or after “Table”, hidden (but in the page) otherwise.</summary>
    public ILocator Table => root.Locator(".chart-table table");

    /// <summary>Pixels of the canvas that are neither transparent nor white.</summary>
    public Task<int> InkAsync() => Canvas.EvaluateAsync<int>(Scripts.CanvasInk);

    public Task<int> DataUrlLengthAsync() => Canvas.EvaluateAsync<int>("canvas => canvas.toDataURL('image/png').length");

    /// <summary>The values Chart.js draws, per dataset (null for a gap).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<decimal?>>> ChartDataAsync()
    {
        var data = await Canvas.EvaluateAsync<JsonElement>(Scripts.ChartData);
        return [.. data.EnumerateArray().Select(set => (IReadOnlyList<decimal?>)[.. set.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : (decimal?)null)])];
    }

    public async Task ShowTableAsync()
    {
        await TableButton.ClickAsync();
        await Assertions.Expect(Table).ToBeVisibleAsync();
    }

    public Task<IReadOnlyList<string>> ColumnHeadersAsync() => Table.Locator("thead th").AllInnerTextsAsync();

    /// <summary>The body rows, each as its cells' text (the row header first).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> RowsAsync()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in await Table.Locator("tbody tr").AllAsync())
            rows.Add([.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        return rows;
    }
}
