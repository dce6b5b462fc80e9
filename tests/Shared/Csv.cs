using System.Text;

namespace ParkMetrics.Testing;

/// <summary>One data record of a seed CSV file: its fields by column name and the line it starts on.</summary>
internal sealed class CsvRecord(int line, IReadOnlyList<string> columns, IReadOnlyList<string> values)
{
    public int Line { get; } = line;
    public IReadOnlyList<string> Columns { get; } = columns;
    public IReadOnlyList<string> Values { get; } = values;

    public string this[string column] => Values[IndexOf(column)];

    /// <summary>A copy with one field replaced.</summary>
    public CsvRecord With(string column, string value)
    {
        var values = Values.ToArray();
        values[IndexOf(column)] = value;
        return new CsvRecord(0, Columns, values);
    }

    private int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i] == column) return i;
        throw new ArgumentException($"No column '{column}' in {string.Join(',', Columns)}.", nameof(column));
    }
}

/// <summary>
/// A small RFC 4180 reader and writer, independent of the code under test, so that tests read the seed the way a
/// reviewer would.
/// </summary>
internal static class Csv
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records) ReadFile(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static (IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records) Parse(string text)
    {
        var raw = ParseRaw(text);
        if (raw.Count == 0) throw new FormatException("The file has no header.");
        var header = raw[0].Fields;
        var records = raw.Skip(1)
            .Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)))
            .Select(r => new CsvRecord(r.Line, header, r.Fields))
            .ToList();
        return (header, records);
    }

    public static string Format(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    private static List<(int Line, List<string> Fields)> ParseRaw(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                case '\uFEFF' when i == 0: break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }
}
