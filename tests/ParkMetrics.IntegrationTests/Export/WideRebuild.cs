using System.Globalization;
using System.Text.Json;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>A figure as both layouts carry it: what it is about, its period, its value in the indicator's unit and its qualifier.</summary>
internal sealed record WideFigure(string Park, string Subject, string Indicator, string Kind, DateOnly Start, DateOnly End, decimal Value, string Unit, string Qualifier)
{
    public override string ToString() => string.Join('|', Park, Subject, Indicator, Kind, StoredRow.Iso(Start), StoredRow.Iso(End), Value, Unit, Qualifier);
}

/// <summary>A period column of a wide export, as the JSON's columns or the workbook's about sheet describe it.</summary>
internal sealed record WidePeriod(string Kind, DateOnly Start, DateOnly End, bool Forecast);

/// <summary>
/// Rebuilds the long rows' figures from a wide export: each filled period cell of a row is a figure of the row's series,
/// in the column's period, with the qualifier in the column beside it. Also checks what the layout promises on the way:
/// a column holds one period kind, forecasts only in forecast columns, ranks 1, 2 … per series.
/// </summary>
internal static class WideRebuild
{
    public const int CsvFixedColumns = 8;
    public const int WorkbookFixedColumns = 9;

    public static IEnumerable<WideFigure> FromLong(IEnumerable<StoredRow> rows) => rows.Select(r =>
        new WideFigure(r.ParkCode, r.Enterprise ?? "", r.IndicatorCode, EnumCode.Of(r.Kind), r.Start, r.End, decimal.Parse(r.Value, CultureInfo.InvariantCulture), r.Unit, r.Qualifier));

    public static IReadOnlyDictionary<string, WidePeriod> Columns(JsonElement page) => page.GetProperty("columns").EnumerateArray().ToDictionary(
        c => c.GetProperty("label").GetString()!,
        c => new WidePeriod(c.GetProperty("periodKind").GetString()!, DateOnly.Parse(c.GetProperty("start").GetString()!, CultureInfo.InvariantCulture),
            DateOnly.Parse(c.GetProperty("end").GetString()!, CultureInfo.InvariantCulture), c.GetProperty("forecast").GetBoolean()));

    /// <summary>From the wide CSV; its period columns' periods from the JSON of the same query.</summary>
    public static List<WideFigure> FromCsv(ParsedCsv wide, IReadOnlyDictionary<string, WidePeriod> periods, bool zh = true) =>
        Rebuild(wide.Header, wide.Rows.Select(r => r.Select(c => (object?)(c.Length == 0 ? null : c)).ToArray()), CsvFixedColumns, periods, zh,
            r => (Text(r[0]), Text(r[2]), Text(r[3]), Text(r[5]), Text(r[6]), Text(r[7])));

    /// <summary>From the workbook's wide sheet; its period columns' periods from its about sheet.</summary>
    public static List<WideFigure> FromWorkbook(ReadWorkbook.ReadSheet data, ReadWorkbook.ReadSheet about, bool zh = true)
    {
        var column = zh ? "列 " : "Column ";
        var periods = about.Rows.Where(r => ((string)r[0]!).StartsWith(column, StringComparison.Ordinal)).ToDictionary(
            r => ((string)r[0]!)[column.Length..],
            r =>
            {
                var parts = ((string)r[1]!).Split(' ');
                var dates = parts[1].Split('/');
                return new WidePeriod(parts[0], DateOnly.Parse(dates[0], CultureInfo.InvariantCulture), DateOnly.Parse(dates[1], CultureInfo.InvariantCulture),
                    ((string)r[1]!).EndsWith(zh ? "预计数" : "forecast (预计)", StringComparison.Ordinal));
            });
        return Rebuild(data.Header, data.Rows, WorkbookFixedColumns, periods, zh, r => (Text(r[0]), Text(r[2]), Text(r[3]), Text(r[6]), Text(r[7]), Text(r[8])));
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString()!,
    };

    private static List<WideFigure> Rebuild(IReadOnlyList<string> header, IEnumerable<object?[]> rows, int fixedColumns, IReadOnlyDictionary<string, WidePeriod> periods,
        bool zh, Func<object?[], (string Park, string Subject, string Indicator, string Kind, string Unit, string Rank)> what)
    {
        var figures = new List<WideFigure>();
        var ranks = new Dictionary<(string, string, string, string), int>();
        Assert.Equal(0, (header.Count - fixedColumns) % 2);
        for (var c = fixedColumns; c < header.Count; c += 2)
        {
            Assert.True(periods.ContainsKey(header[c]), $"the period of column {header[c]} is known");
            Assert.Equal(header[c] + (zh ? " 限定" : " qualifier"), header[c + 1]);
        }
        foreach (var row in rows)
        {
            var (park, subject, indicator, kind, unit, rank) = what(row);
            var series = (park, subject, indicator, kind);
            Assert.Equal(ranks.GetValueOrDefault(series) + 1, int.Parse(rank, CultureInfo.InvariantCulture)); // 1, 2 … one after the other
            ranks[series] = int.Parse(rank, CultureInfo.InvariantCulture);
            for (var c = fixedColumns; c < header.Count; c += 2)
            {
                if (row[c] is null)
                {
                    Assert.Null(row[c + 1]);
                    continue;
                }
                var period = periods[header[c]];
                var qualifier = Text(row[c + 1]);
                Assert.Equal(kind, period.Kind);                                  // a column holds one period kind
                Assert.Equal(period.Forecast, qualifier == "forecast");           // forecasts in their own columns, and only there
                figures.Add(new WideFigure(park, subject, indicator, kind, period.Start, period.End,
                    decimal.Parse(Text(row[c]), CultureInfo.InvariantCulture), unit, qualifier));
            }
        }
        return figures;
    }

    public static void AssertSame(IEnumerable<WideFigure> expected, IEnumerable<WideFigure> actual) =>
        Assert.Equal(expected.Select(f => f.ToString()).Order(StringComparer.Ordinal), actual.Select(f => f.ToString()).Order(StringComparer.Ordinal));
}
