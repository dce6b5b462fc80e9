using System.Globalization;
using CsvHelper;

namespace ParkMetrics.Data.Seeding;

/// <summary>One data line of a seed CSV file, with typed accessors that record problems instead of throwing.</summary>
public sealed class SeedRow(string file, int line, IReadOnlyDictionary<string, string> fields, SeedErrors errors)
{
    private HashSet<(string Field, string Reason)>? reported;

    public string File { get; } = file;
    public int Line { get; } = line;

    public int ErrorCount { get; private set; }

    public void Fail(string field, string reason)
    {
        reported ??= [];
        if (!reported.Add((field, reason))) return; // a field read twice is reported once
        errors.Add(new SeedError(File, Line, field, reason));
        ErrorCount++;
    }

    /// <summary>Whether the file has the column: an optional one may be left out.</summary>
    public bool Has(string field) => fields.ContainsKey(field);

    /// <summary>
    /// The field's text, trimmed; null when empty or blank. Control characters (a NUL, a stray escape) fail the row;
    /// line breaks only where <paramref name="lineBreaks"/> allows them (a quote keeps a report's hard wraps).
    /// </summary>
    public string? Optional(string field, bool lineBreaks = false)
    {
        var value = fields[field]?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Any(c => char.IsControl(c) && !(lineBreaks && c is '\n' or '\r'))) Fail(field, Reason.ControlCharacter);
        return value;
    }

    public string Required(string field, bool lineBreaks = false)
    {
        var value = Optional(field, lineBreaks);
        if (value is null) Fail(field, Reason.Required);
        return value ?? "";
    }

    public decimal? Number(string field)
    {
        var text = Required(field);
        if (text.Length == 0) return null;
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        Fail(field, Reason.NotNumber(text));
        return null;
    }

    public DateOnly? Date(string field, bool required = true)
    {
        var text = required ? Required(field) : Optional(field);
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            return value;
        Fail(field, Reason.NotDate(text));
        return null;
    }

    public T? Code<T>(string field) where T : struct, Enum
    {
        var text = Required(field);
        if (text.Length == 0) return null;
        if (Entities.EnumCode.TryParse<T>(text, out var value)) return value;
        Fail(field, Reason.OneOf(text, Entities.EnumCode.All<T>()));
        return null;
    }

    public IReadOnlyList<string> List(string field) =>
        Optional(field)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

public static class SeedTable
{
    /// <summary>Reads a UTF-8 CSV file whose header must be exactly <paramref name="columns"/>.</summary>
    public static IReadOnlyList<SeedRow> Read(string path, string[] columns, SeedErrors errors) => [.. Rows(path, columns, errors)];

    /// <summary>The rows of a UTF-8 CSV file as they are read; see <see cref="Rows(TextReader, string, string[], SeedErrors, string?)"/>.</summary>
    public static IEnumerable<SeedRow> Rows(string path, string[] columns, SeedErrors errors)
    {
        var file = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            errors.Add(new SeedError(file, 0, "-", Reason.MissingFile));
            yield break;
        }
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var row in Rows(reader, file, columns, errors)) yield return row;
    }

    /// <summary>
    /// The rows of CSV text whose header must be <paramref name="columns"/>, optionally followed by <paramref name="optionalLast"/>,
    /// read one at a time. A row with more fields than the header is refused. Once the caller's checks have filled
    /// <paramref name="errors"/>, reading stops and a last error says where and how many rows were left unchecked.
    /// </summary>
    public static IEnumerable<SeedRow> Rows(TextReader reader, string file, string[] columns, SeedErrors errors, string? optionalLast = null)
    {
        var options = new CsvReaderOptions { Separator = ',', TrackLineNumbers = true, DetectSeparatorHint = false };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        csv.ReadHeader();
        if (optionalLast is not null && csv.Headers.SequenceEqual([.. columns, optionalLast])) columns = [.. columns, optionalLast];
        else if (!csv.Headers.SequenceEqual(columns))
        {
            var expected = string.Join(',', columns) + (optionalLast is null ? "" : $"[,{optionalLast}]");
            errors.Add(new SeedError(file, 1, "-", Reason.Header(expected)));
            yield break;
        }
        while (!errors.Full && csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (Enumerable.Range(0, csv.FieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i)))) continue;
            if (csv.FieldCount > columns.Length)
            {
                errors.Add(new SeedError(file, line, "-", Reason.ExtraFields(csv.FieldCount, columns.Length)));
                continue;
            }
            var fields = new Dictionary<string, string>(columns.Length);
            for (var i = 0; i < columns.Length; i++) fields[columns[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
            yield return new SeedRow(file, line, fields, errors);
        }
        if (!errors.Full) yield break;
        var stoppedAt = (int)csv.LineNumber;
        var left = 0;
        while (csv.Read()) left++;
        errors.Stop(file, stoppedAt, left);
    }
}
