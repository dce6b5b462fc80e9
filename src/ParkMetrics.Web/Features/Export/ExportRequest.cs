using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary><c>format=long</c>: one row per observation; <c>format=wide</c>: one row per subject, indicator and period kind.</summary>
public enum ExportFormat { LongForm, WideForm }

/// <summary>
/// The query string of an export as sent: every value is text, checked by <see cref="ExportRequest.TryParse"/>, so
/// that a bad value becomes a 400 naming the parameter rather than a binding failure. Lists may repeat the parameter
/// (<c>park=a&amp;park=b</c>) or separate values with commas (<c>park=a,b</c>).
/// </summary>
public sealed class ExportParameters
{
    [FromQuery(Name = "park")] public string[]? Park { get; init; }
    [FromQuery(Name = "indicator")] public string[]? Indicator { get; init; }
    [FromQuery(Name = "from")] public string? From { get; init; }
    [FromQuery(Name = "to")] public string? To { get; init; }
    [FromQuery(Name = "period_kind")] public string[]? PeriodKind { get; init; }
    [FromQuery(Name = "subject")] public string? Subject { get; init; }
    [FromQuery(Name = "source")] public string[]? Source { get; init; }
    [FromQuery(Name = "category")] public string[]? Category { get; init; }
    [FromQuery(Name = "format")] public string? Format { get; init; }
    [FromQuery(Name = "lang")] public string? Lang { get; init; }
    [FromQuery(Name = "bom")] public string? Bom { get; init; }
}

/// <summary>A checked export request: the filter in ids, the shape and the language.</summary>
public sealed record ExportRequest(ExportFilter Filter, ExportFormat Format, CultureInfo Culture, bool ByteOrderMark, ExportPark? SinglePark)
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public bool IsChinese => Culture == Chinese;

    public string FormatName => Format == ExportFormat.WideForm ? "wide" : "long";

    /// <summary>
    /// Checks every parameter against the catalog. Errors are keyed by the parameter's name as sent, with messages in
    /// Chinese unless <c>lang=en</c>.
    /// </summary>
    public static bool TryParse(ExportParameters p, ExportCatalog catalog, out ExportRequest request, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var lang = Single(p.Lang)?.ToLowerInvariant();
        var zh = lang != "en";
        void Fail(string parameter, string chinese, string english)
        {
            if (!problems.TryGetValue(parameter, out var list)) problems[parameter] = list = [];
            list.Add(zh ? chinese : english);
        }

        if (lang is not (null or "zh" or "en")) Fail("lang", $"“{p.Lang}”不是可用的语言（zh、en）", $"'{p.Lang}' is not a supported language (zh, en)");

        var format = ExportFormat.LongForm;
        switch (Single(p.Format)?.ToLowerInvariant())
        {
            case null or "long": break;
            case "wide": format = ExportFormat.WideForm; break;
            default: Fail("format", $"“{p.Format}”不是可用的格式（long、wide）", $"'{p.Format}' is not a supported format (long, wide)"); break;
        }

        var bom = true;
        if (Single(p.Bom) is { } bomText && !bool.TryParse(bomText, out bom))
            Fail("bom", $"“{bomText}”不是布尔值（true、false）", $"'{bomText}' is not a boolean (true, false)");

        var subject = ExportSubject.All;
        switch (Single(p.Subject)?.ToLowerInvariant())
        {
            case null or "all": break;
            case "park": subject = ExportSubject.Park; break;
            case "enterprise": subject = ExportSubject.Enterprise; break;
            default: Fail("subject", $"“{p.Subject}”不是可用的主体（park、enterprise、all）", $"'{p.Subject}' is not a supported subject (park, enterprise, all)"); break;
        }

        var parks = new List<ExportPark>();
        foreach (var code in Values(p.Park))
        {
            if (catalog.Parks.TryGetValue(code, out var park)) parks.Add(park);
            else Fail("park", $"未知的园区代码“{code}”", $"unknown park code '{code}'");
        }

        var indicators = new List<ExportIndicator>();
        foreach (var code in Values(p.Indicator))
        {
            if (catalog.Indicators.TryGetValue(code, out var indicator)) indicators.Add(indicator);
            else Fail("indicator", $"未知的指标代码“{code}”", $"unknown indicator code '{code}'");
        }

        var categories = new List<string>();
        foreach (var category in Values(p.Category))
        {
            if (catalog.HasCategory(category)) categories.Add(category);
            else Fail("category", $"未知的指标类别“{category}”", $"unknown indicator category '{category}'");
        }

        var kinds = new List<PeriodKind>();
        foreach (var code in Values(p.PeriodKind))
        {
            if (EnumCode.TryParse<PeriodKind>(code, out var kind)) kinds.Add(kind);
            else
            {
                var allowed = EnumCode.All<PeriodKind>();
                Fail("period_kind", $"“{code}”不是可用的期间类型（{string.Join("、", allowed)}）", $"'{code}' is not a period kind ({string.Join(", ", allowed)})");
            }
        }

        var sources = new List<int>();
        foreach (var text in Values(p.Source))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                Fail("source", $"“{text}”不是来源编号", $"'{text}' is not a source id");
            else if (!catalog.SourceIds.Contains(id)) Fail("source", $"未知的来源编号“{id}”", $"unknown source id '{id}'");
            else sources.Add(id);
        }

        var from = Year("from", p.From);
        var to = Year("to", p.To);
        if (from is { } f && to is { } t && f > t)
            Fail("from", $"起始年份 {f} 晚于截止年份 {t}", $"the first year {f} is after the last year {t}");

        int? Year(string parameter, string? value)
        {
            if (Single(value) is not { } text) return null;
            if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1000) return year;
            Fail(parameter, $"“{text}”不是四位数的年份", $"'{text}' is not a four-digit year");
            return null;
        }

        errors = problems.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        var filter = new ExportFilter
        {
            ParkIds = [.. parks.Select(x => x.Id).Distinct()],
            IndicatorIds = [.. indicators.Select(x => x.Id).Distinct()],
            Categories = [.. categories.Distinct()],
            PeriodKinds = [.. kinds.Distinct()],
            SourceIds = [.. sources.Distinct()],
            FromYear = from,
            ToYear = to,
            Subject = subject,
        };
        var single = parks.DistinctBy(x => x.Id).Count() == 1 ? parks[0] : null;
        request = new ExportRequest(filter, format, zh ? Chinese : English, bom, single);
        return errors.Count == 0;
    }

    /// <summary>The message title of a 400, in the request's language.</summary>
    public static string ProblemTitle(ExportParameters p) =>
        string.Equals(Single(p.Lang), "en", StringComparison.OrdinalIgnoreCase) ? "The export parameters are not valid." : "导出参数有误。";

    private static string? Single(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IEnumerable<string> Values(string[]? values) =>
        (values ?? []).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal);
}
