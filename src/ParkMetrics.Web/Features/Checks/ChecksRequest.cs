using Microsoft.AspNetCore.Mvc;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Web.Features.Checks;

/// <summary>
/// The query string of <c>/api/checks</c> and <c>/checks</c> as sent: lists repeat the parameter or separate values with
/// commas; each value is checked by <see cref="ChecksRequest.TryParse"/> so that a bad one is a 400 naming the parameter.
/// </summary>
public sealed class ChecksParameters
{
    [FromQuery(Name = "park")] public string[]? Park { get; init; }
    [FromQuery(Name = "severity")] public string[]? Severity { get; init; }
    [FromQuery(Name = "rule")] public string[]? Rule { get; init; }
    [FromQuery(Name = "lang")] public string? Lang { get; init; }
}

/// <summary>A checked request for findings: the filter and the language of names and sentences.</summary>
public sealed record ChecksRequest(CheckFilter Filter, bool Chinese)
{
    public static bool TryParse(ChecksParameters p, IReadOnlySet<string> parks, out ChecksRequest request, out Dictionary<string, string[]> errors)
    {
        var lang = string.IsNullOrWhiteSpace(p.Lang) ? null : p.Lang.Trim().ToLowerInvariant();
        var zh = lang != "en";
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string parameter, string chinese, string english)
        {
            if (!problems.TryGetValue(parameter, out var list)) problems[parameter] = list = [];
            list.Add(zh ? chinese : english);
        }
        if (lang is not (null or "zh" or "en")) Fail("lang", $"“{p.Lang}”不是可用的语言（zh、en）", $"'{p.Lang}' is not a supported language (zh, en)");
        var parkCodes = Values(p.Park).ToList();
        foreach (var code in parkCodes.Where(c => !parks.Contains(c))) Fail("park", $"未知的园区“{code}”", $"unknown park '{code}'");
        var severities = Parse<Severity>(p.Severity, "severity", Fail);
        var rules = Parse<CheckRule>(p.Rule, "rule", Fail);
        errors = problems.ToDictionary(e => e.Key, e => e.Value.ToArray());
        request = new ChecksRequest(new CheckFilter(parkCodes, severities, rules), zh);
        return errors.Count == 0;
    }

    public static string ProblemTitle(ChecksParameters p) =>
        string.Equals(p.Lang?.Trim(), "en", StringComparison.OrdinalIgnoreCase) ? "The parameters are not valid." : "参数有误。";

    private static List<T> Parse<T>(string[]? values, string parameter, Action<string, string, string> fail) where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var v in Values(values))
        {
            if (EnumCode.TryParse<T>(v.ToLowerInvariant(), out var value)) result.Add(value);
            else fail(parameter, $"“{v}”不是允许的值（{string.Join("、", EnumCode.All<T>())}）", $"'{v}' is not one of {string.Join(", ", EnumCode.All<T>())}");
        }
        return result;
    }

    private static IEnumerable<string> Values(string[]? values) =>
        (values ?? []).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal);
}
