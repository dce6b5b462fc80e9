using System.Text;

namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>A damaged upload and what was done to it, so that a failure names its recipe.</summary>
internal sealed record UploadMutant(string Recipe, byte[] Bytes);

/// <summary>
/// Breaks a valid observations upload in its fields, its text and its bytes, one to three ways at a time, always the same
/// way for the same seed.
/// </summary>
internal sealed class UploadMutator
{
    public const string SqlPayload = "'; DROP TABLE \"Observations\"; --";

    private static readonly (string Name, string Text)[] Payloads =
    [
        ("sql", SqlPayload), ("sql-union", "x' UNION SELECT \"PasswordHash\" FROM \"AspNetUsers\" --"),
        ("formula", "=1+1"), ("formula-dde", "=cmd|' /C calc'!A0"), ("plus", "+1+1"), ("at", "@SUM(A1)"),
        ("1e309", "1e309"), ("NaN", "NaN"), ("-0", "-0"), ("full-width", "１２３"), ("infinity", "∞"), ("40-nines", new string('9', 40)),
        ("11-decimals", "0.00000000001"), ("thousands", "1,234"), ("hex", "0x1F"),
        ("feb-30", "2023-02-30"), ("month-13", "2023-13-01"), ("year-0", "0000-01-01"), ("last-date", "9999-12-31"), ("slashes", "2023/01/01"),
        ("nul", "\0"), ("controls", "\u0001\u0002\u001b\u007f"), ("tab", "\t"), ("newline", "\n"), ("cr", "\r"), ("quote", "\""),
        ("comma", ","), ("nbsp", "\u00a0"), ("line-separator", "\u2028"), ("bom", "\uFEFF"), ("rtl-override", "\u202e"), ("emoji", "👍"),
        ("blank", "   "), ("empty", ""), ("huge-han", new string('长', 100_000)), ("huge-ascii", new string('x', 100_000)),
    ];

    /// <summary>Text a database or a spreadsheet might run, short enough to keep a quote within its 80 characters.</summary>
    private static readonly string[] Injections = [SqlPayload, "x' OR '1'='1", "=1+1", "=HYPERLINK(\"http://x\")", "+1+1", "-1+1", "@SUM(A1)"];

    private static readonly byte[][] InvalidUtf8 = [[0xFF, 0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xE4, 0xB8], [0xF8, 0x88, 0x80, 0x80, 0x80]];

    private readonly Random random;
    private readonly IReadOnlyList<string> header;
    private readonly IReadOnlyList<IReadOnlyList<string>> rows;
    private readonly int valueColumn;
    private readonly int quoteColumn;
    private readonly (string Name, Func<List<List<string>>, string> Apply)[] fieldDamage;
    private readonly (string Name, Func<string, string> Apply)[] textDamage;
    private readonly (string Name, Func<byte[], byte[]> Apply)[] byteDamage;

    public UploadMutator(int seed, IReadOnlyList<string> header, IReadOnlyList<CsvRecord> rows)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // for GBK
        random = new Random(seed);
        this.header = header;
        this.rows = [.. rows.Select(r => r.Values)];
        (valueColumn, quoteColumn) = (header.ToList().IndexOf("value"), header.ToList().IndexOf("quote"));
        fieldDamage =
        [
            ("payload", r => SetField(r, (row, c, p) => row[c] = p)),
            ("payload-inside", r => SetField(r, (row, c, p) => row[c] = row[c].Insert(random.Next(row[c].Length + 1), p))),
            ("payload-as-value", PayloadAsValue),
            ("injection-in-quote", PayloadInQuote),
            ("drop-field", r => { var row = Pick(r); row.RemoveAt(random.Next(row.Count)); return ""; }),
            ("extra-field", r => { var row = Pick(r); row.Insert(random.Next(row.Count + 1), Payload().Text); return ""; }),
            ("cut-row", r => { var row = Pick(r); var keep = random.Next(1, row.Count); row.RemoveRange(keep, row.Count - keep); return ""; }),
            ("duplicate-row", r => { r.Add([.. Pick(r)]); return ""; }),
            ("rename-column", r => { var c = random.Next(r[0].Count); r[0][c] = r[0][c].ToUpperInvariant() + " "; return r[0][c]; }),
            ("header-only", r => { r.RemoveRange(1, r.Count - 1); return ""; }),
        ];
        textDamage =
        [
            ("truncate", t => t[..random.Next(t.Length + 1)]),
            ("unbalanced-quote", t => t.Insert(random.Next(t.Length + 1), "\"")),
            ("bom-inside", t => t.Insert(random.Next(t.Length + 1), "\uFEFF")),
            ("nul-inside", t => t.Insert(random.Next(t.Length + 1), "\0")),
            ("control-inside", t => t.Insert(random.Next(t.Length + 1), ((char)random.Next(1, 32)).ToString())),
            ("cut-span", CutSpan),
            ("cr-line-ends", t => t.Replace("\n", "\r", StringComparison.Ordinal)),
            ("crlf-line-ends", t => t.Replace("\n", "\r\n", StringComparison.Ordinal)),
            ("blank-lines", t => t.Replace("\n", "\n\n \n", StringComparison.Ordinal)),
            ("empty-file", _ => ""),
        ];
        byteDamage =
        [
            ("gbk", b => Encoding.GetEncoding("GBK").GetBytes(Encoding.UTF8.GetString(b))),
            ("utf8-bom", b => [0xEF, 0xBB, 0xBF, .. b]),
            ("random-bytes", b => { b = [.. b]; for (var i = random.Next(1, 8); i > 0 && b.Length > 0; i--) b[random.Next(b.Length)] = (byte)random.Next(256); return b; }),
            ("invalid-utf8", b => Insert(b, InvalidUtf8[random.Next(InvalidUtf8.Length)])),
            ("nul-byte", b => Insert(b, [0])),
            ("truncate-bytes", b => b[..random.Next(b.Length + 1)]),
            ("only-random-bytes", _ => { var b = new byte[random.Next(1, 2000)]; random.NextBytes(b); return b; }),
        ];
    }

    public UploadMutant Next()
    {
        var grid = new List<List<string>> { header.ToList() };
        grid.AddRange(rows.Select(r => r.ToList()));
        var stages = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(3)).Order().ToList();
        var recipe = new List<string>();
        foreach (var _ in stages.Where(s => s == 0))
        {
            var (name, apply) = fieldDamage[random.Next(fieldDamage.Length)];
            recipe.Add(Describe(name, apply(grid)));
        }
        var text = string.Join('\n', grid.Select(Csv.Format)) + "\n";
        foreach (var _ in stages.Where(s => s == 1))
        {
            var (name, apply) = textDamage[random.Next(textDamage.Length)];
            text = apply(text);
            recipe.Add(name);
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var _ in stages.Where(s => s == 2))
        {
            var (name, apply) = byteDamage[random.Next(byteDamage.Length)];
            bytes = apply(bytes);
            recipe.Add(name);
        }
        return new UploadMutant(string.Join(" + ", recipe), bytes);
    }

    private static string Describe(string name, string detail) => detail.Length == 0 ? name : $"{name}({detail})";

    private (string Name, string Text) Payload() => Payloads[random.Next(Payloads.Length)];

    /// <summary>A data row with a field left, else the header.</summary>
    private List<string> Pick(List<List<string>> grid)
    {
        var candidates = grid.Skip(1).Where(r => r.Count > 1).DefaultIfEmpty(grid[0]).ToList();
        return candidates[random.Next(candidates.Count)];
    }

    private string SetField(List<List<string>> grid, Action<List<string>, int, string> set)
    {
        var row = Pick(grid);
        var column = random.Next(row.Count);
        var (name, text) = Payload();
        set(row, column, text);
        return $"{name} in {header.ElementAtOrDefault(column)}";
    }

    /// <summary>The value and the number in its quote replaced alike, so that only the payload can make the row wrong.</summary>
    private string PayloadAsValue(List<List<string>> grid)
    {
        var row = Pick(grid);
        if (row.Count != header.Count || row[valueColumn].Length == 0) return "";
        var (name, text) = Payload();
        (row[valueColumn], row[quoteColumn]) = (text, row[quoteColumn].Replace(row[valueColumn], text, StringComparison.Ordinal));
        return name;
    }

    /// <summary>An injection before the quote, which keeps the row valid: the upload must store it as text.</summary>
    private string PayloadInQuote(List<List<string>> grid)
    {
        var row = Pick(grid);
        if (row.Count != header.Count) return "";
        var injection = Injections[random.Next(Injections.Length)];
        row[quoteColumn] = injection + row[quoteColumn];
        return injection;
    }

    private string CutSpan(string text)
    {
        var at = random.Next(text.Length + 1);
        return text.Remove(at, random.Next(text.Length - at + 1));
    }

    private byte[] Insert(byte[] bytes, byte[] inserted)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. inserted, .. bytes[at..]];
    }
}
