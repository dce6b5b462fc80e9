namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>
/// Query strings for the export: one to six parameters, each with a valid value, a damaged one (escaped), raw percent
/// garbage or a valid list with damage in it; names repeat and some are unknown. The same seed gives the same queries.
/// </summary>
internal sealed class ExportQueryMutator(int seed, IReadOnlyDictionary<string, string[]> valid)
{
    public static readonly string[] Parameters = ["park", "indicator", "from", "to", "period_kind", "subject", "source", "category", "format", "lang", "bom", "limit", "cursor"];

    private static readonly string[] UnknownNames = ["colour", "", "PARK", "Bom", "park[]", "from ", "lang\0", "页"];

    private static readonly string[] Damaged =
    [
        "atlantis", "", " ", "'; DROP TABLE \"Observations\"; --", "' OR 1=1 --", "=1+1", "=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", "\0", "\u0001\u001b",
        "\r\n", "\t", "<script>alert(1)</script>", "../../etc/passwd", "２０２０", "20x5", "-2020", "0", "0999", "99999", "99999999999999999999",
        "1e3", "NaN", "true,false", "TRUE ", "null", "\uFEFF2020", "2020\u2028", "👍", new string('x', 10_000), new string(',', 5_000),
    ];

    private static readonly string[] RawGarbage = ["%ff%fe", "%", "%zz", "%00", "%c0%80", "%ed%a0%80", "%e4%b8", "%%", "%2", "%u0041", "%f0%9f%98", "a%2", "%0d%0a"];

    private readonly Random random = new(seed);

    public string Next()
    {
        var parts = new List<string>();
        for (var i = random.Next(1, 7); i > 0; i--)
        {
            var name = random.Next(10) == 0 ? UnknownNames[random.Next(UnknownNames.Length)] : Parameters[random.Next(Parameters.Length)];
            var value = random.Next(20) switch
            {
                < 11 => Uri.EscapeDataString(Valid(name)),
                < 16 => Uri.EscapeDataString(Damaged[random.Next(Damaged.Length)]),
                < 18 => RawGarbage[random.Next(RawGarbage.Length)],
                _ => Uri.EscapeDataString($"{Valid(name)},{Damaged[random.Next(Damaged.Length)]}"),
            };
            parts.Add($"{Uri.EscapeDataString(name)}={value}");
            if (random.Next(10) == 0) parts.Add(parts[^1]); // the same parameter twice
        }
        return string.Join('&', parts);
    }

    /// <summary>A value the parameter accepts; a long list of them now and then.</summary>
    private string Valid(string name)
    {
        var values = valid.GetValueOrDefault(name.Trim().ToLowerInvariant()) ?? ["x"];
        return random.Next(25) == 0
            ? string.Join(',', Enumerable.Range(0, 2_000).Select(_ => values[random.Next(values.Length)]))
            : values[random.Next(values.Length)];
    }
}
