using System.Globalization;
using System.Text;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Intake;

/// <summary>
/// Candidates as rows in the columns of <c>data/seed/observations.csv</c> plus <c>measure</c>: what <c>extract</c> writes
/// for review in a spreadsheet, and what the intake page applies through the upload. A field the text leaves open stays
/// empty, so that the upload refuses the row until someone fills it in.
/// </summary>
public static class CandidateCsv
{
    public static readonly string[] Columns = [.. SeedSet.ObservationColumns, "measure"];

    public static string Write(IEnumerable<Candidate> candidates, string? sourceCode) => WriteWithLines(candidates, sourceCode).Csv;

    /// <summary>The CSV and the line each candidate's row starts on (a quote with a line break spans two lines), for errors by line.</summary>
    public static (string Csv, IReadOnlyList<int> Lines) WriteWithLines(IEnumerable<Candidate> candidates, string? sourceCode)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns).Append('\n');
        var lines = new List<int>();
        var line = 2;
        foreach (var c in candidates)
        {
            lines.Add(line);
            var before = csv.Length;
            AppendRow(csv, c, sourceCode);
            for (var i = before; i < csv.Length; i++) if (csv[i] == '\n') line++;
        }
        return (csv.ToString(), lines);
    }

    private static void AppendRow(StringBuilder csv, Candidate c, string? sourceCode)
    {
        string[] fields =
        [
            c.ParkCode ?? "", c.Enterprise ?? "", c.IndicatorCode ?? "", c.PeriodKind is { } k ? EnumCode.Of(k) : "", Date(c.PeriodStart),
            Date(c.PeriodEnd), (c.Value < 0 ? "-" : "") + c.ValueText, c.Unit, EnumCode.Of(c.Qualifier), sourceCode ?? "", c.Quote, EnumCode.Of(c.Measure),
        ];
        csv.AppendJoin(',', fields.Select(Field)).Append('\n');
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
