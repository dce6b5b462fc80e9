using System.Collections.Frozen;
using System.Text;

namespace ParkMetrics.Data.Entities;

/// <summary>The snake_case codes enums are stored and exchanged as (<c>PeriodKind.YtdMonth</c> ⇄ <c>ytd_month</c>).</summary>
public static class EnumCode
{
    public static IReadOnlyCollection<string> All<T>() where T : struct, Enum => Cache<T>.Codes.Values;

    public static string Of<T>(T value) where T : struct, Enum => Cache<T>.Codes[value];

    public static bool TryParse<T>(string code, out T value) where T : struct, Enum => Cache<T>.Values.TryGetValue(code, out value);

    public static T Parse<T>(string code) where T : struct, Enum =>
        TryParse<T>(code, out var value) ? value : throw new FormatException($"'{code}' is not one of {string.Join(", ", All<T>())}");

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Codes =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => ToSnakeCase(v.ToString()));
        public static readonly FrozenDictionary<string, T> Values =
            Codes.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    private static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
