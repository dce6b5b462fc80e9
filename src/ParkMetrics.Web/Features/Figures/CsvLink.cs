using System.Globalization;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>
/// Links to the CSV export of exactly what a table or chart shows (see Features/Export), in the page's language, and to
/// the Excel workbook of the same figures: the same query, whose file the server names after what it holds.
/// </summary>
public static class CsvLink
{
    public const string All = "api/observations.csv";
    private const string AllWorkbook = "api/observations.xlsx";

    /// <param name="filters">Export filters, e.g. ("park", "ganhe"), ("category", "output").</param>
    public static string For(params (string Name, string? Value)[] filters)
    {
        var parts = filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!)}").ToList();
        if (!FigureText.IsChinese(CultureInfo.CurrentUICulture)) parts.Add("lang=en");
        return parts.Count == 0 ? All : $"{All}?{string.Join('&', parts)}";
    }

    public static string AllInLanguage => For();

    /// <summary>The workbook of the figures a CSV link (from <see cref="For"/>) exports.</summary>
    public static string Workbook(string csvUrl) =>
        csvUrl.StartsWith(All, StringComparison.Ordinal) ? AllWorkbook + csvUrl[All.Length..] : throw new ArgumentException($"not an export link: {csvUrl}", nameof(csvUrl));
}
