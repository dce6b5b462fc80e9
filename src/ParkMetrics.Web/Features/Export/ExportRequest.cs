using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary><c>format=long</c>: one row per observation; <c>format=wide</c>: one row per subject, indicator and period kind.</summary>
public enum ExportFormat { LongForm, WideForm }

/// <summary>What the filter names, as the request named it, for the file name and the workbook's about sheet.</summary>
public sealed record ExportSelection(
    IReadOnlyList<ExportPark> Parks, IReadOnlyList<ExportIndicator> Indicators, IReadOnlyList<string> Categories, IReadOnlyList<(int Id, string Title)> Sources);

/// <summary>A page of the JSON API: at most <see cref="Limit"/> rows (long) or series (wide), after a cursor's row or series.</summary>
public sealed record ExportPage(int Limit, ExportPosition? After, SeriesPosition? SeriesAfter)
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;
}

/// <summary>A checked export request: the filter in ids, the shape and the language; for the CSV its byte order mark, for JSON its page.</summary>
public sealed record ExportRequest(ExportFilter Filter, ExportFormat Format, CultureInfo Culture, ExportSelection Selection)
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public bool ByteOrderMark { get; init; } = true;

    public ExportPage Page { get; init; } = new(ExportPage.DefaultLimit, null, null);

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
        if (p is CsvParameters { Bom: var bomValue } && Single(bomValue) is { } bomText && !bool.TryParse(bomText, out bom))
            Fail("bom", $"“{bomText}”不是布尔值（true、false）", $"'{bomText}' is not a boolean (true, false)");

        var page = p is PageParameters paging ? Page(paging) : new ExportPage(ExportPage.DefaultLimit, null, null);

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

        var sources = new List<(int Id, string Title)>();
        foreach (var text in Values(p.Source))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                Fail("source", $"“{text}”不是来源编号", $"'{text}' is not a source id");
            else if (!catalog.Sources.TryGetValue(id, out var title)) Fail("source", $"未知的来源编号“{id}”", $"unknown source id '{id}'");
            else sources.Add((id, title));
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
            SourceIds = [.. sources.Select(x => x.Id).Distinct()],
            FromYear = from,
            ToYear = to,
            Subject = subject,
        };
        var selection = new ExportSelection([.. parks.DistinctBy(x => x.Id)], [.. indicators.DistinctBy(x => x.Id)], [.. categories.Distinct()], [.. sources.Distinct()]);
        request = new ExportRequest(filter, format, zh ? Chinese : English, selection) { ByteOrderMark = bom, Page = page };
        return errors.Count == 0;

        ExportPage Page(PageParameters paging)
        {
            var limit = ExportPage.DefaultLimit;
            if (Single(paging.Limit) is { } limitText
                && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > ExportPage.MaxLimit))
            {
                Fail("limit", $"“{limitText}”不是 1 到 {ExportPage.MaxLimit} 之间的整数", $"'{limitText}' is not a whole number from 1 to {ExportPage.MaxLimit}");
                limit = ExportPage.DefaultLimit;
            }
            if (Single(paging.Cursor) is not { } cursor) return new ExportPage(limit, null, null);
            if (format == ExportFormat.LongForm && ExportCursor.TryReadLong(cursor, out var row)) return new ExportPage(limit, row, null);
            if (format == ExportFormat.WideForm && ExportCursor.TryReadWide(cursor, out var series)) return new ExportPage(limit, null, series);
            if (ExportCursor.TryReadLong(cursor, out _) || ExportCursor.TryReadWide(cursor, out _))
            {
                var other = format == ExportFormat.WideForm ? "long" : "wide";
                Fail("cursor", $"该游标属于另一种格式的分页（format={other}）", $"the cursor is from the pages of the other format (format={other})");
            }
            else Fail("cursor", "游标无效：请原样传回上一页的 next", "the cursor is not valid: pass back the previous page's next as it is");
            return new ExportPage(limit, null, null);
        }
    }

    /// <summary>The message title of a 400, in the request's language.</summary>
    public static string ProblemTitle(ExportParameters p) =>
        string.Equals(Single(p.Lang), "en", StringComparison.OrdinalIgnoreCase) ? "The export parameters are not valid." : "导出参数有误。";

    private static string? Single(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IEnumerable<string> Values(string[]? values) =>
        (values ?? []).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal);
}
