using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Web.Features.Export;

/// <summary>The words of an export: column headers in Chinese or English, and values as plain numbers.</summary>
public static class ExportText
{
    public static IReadOnlyList<string> LongHeader(bool zh) => zh
        ? ["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "开始日期", "结束日期", "期间", "数值", "单位", "报告数值", "报告单位", "限定", "来源", "来源日期", "引文"]
        : ["Park code", "Park", "Subject", "Indicator code", "Indicator", "Period kind", "Start", "End", "Period", "Value", "Unit",
            "Reported value", "Reported unit", "Qualifier", "Source", "Source date", "Quote"];

    /// <summary>
    /// The columns of a wide export before its two columns per period (the value, then its qualifier's code): the series,
    /// and the rank of its row (1: each period's latest source; 2 …: earlier sources of the same period).
    /// </summary>
    public static IReadOnlyList<string> WideHeader(bool zh) => zh
        ? ["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "单位", "来源次序"]
        : ["Park code", "Park", "Subject", "Indicator code", "Indicator", "Period kind", "Unit", "Source rank"];

    /// <summary>The long layout in a workbook: the CSV's columns, with readable labels beside the codes and the source's number.</summary>
    public static IReadOnlyList<string> WorkbookLongHeader(bool zh) => zh
        ? ["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "期间类型代码", "开始日期", "结束日期", "期间", "数值", "单位", "报告数值", "报告单位",
            "限定", "限定代码", "来源编号", "来源", "来源日期", "引文"]
        : ["Park code", "Park", "Subject", "Indicator code", "Indicator", "Period kind", "Period kind code", "Start", "End", "Period", "Value", "Unit",
            "Reported value", "Reported unit", "Qualifier", "Qualifier code", "Source id", "Source", "Source date", "Quote"];

    /// <summary>The wide layout in a workbook, before its period columns: the CSV's, with the period kind's label beside its code.</summary>
    public static IReadOnlyList<string> WorkbookWideHeader(bool zh) => zh
        ? ["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "期间类型代码", "单位", "来源次序"]
        : ["Park code", "Park", "Subject", "Indicator code", "Indicator", "Period kind", "Period kind code", "Unit", "Source rank"];

    /// <summary>The workbook's sources sheet: one row per quote of each source of the exported rows.</summary>
    public static IReadOnlyList<string> SourcesHeader(bool zh) => zh
        ? ["来源编号", "来源", "类型", "媒体", "发布日期", "数据截至", "网址", "引文", "数值个数"]
        : ["Source id", "Source", "Kind", "Outlet", "Published", "As of", "URL", "Quote", "Figures"];

    /// <summary>
    /// A text cell as the CSV writes it: one that starts with a full-width ＝＋－＠, which a spreadsheet runs as a formula
    /// like = + - @, gets the same leading apostrophe as those (CsvHelper escapes only ASCII characters itself).
    /// </summary>
    public static string? Cell(string? text) => text is [('＝' or '＋' or '－' or '＠'), ..] ? "'" + text : text;

    /// <summary>
    /// The value without the trailing zeros of its stored scale (numeric(28,10) reads back as 993.1000000000), so that
    /// it prints as 993.1, 6240000 or 0.44: never in exponent form, never rounded.
    /// </summary>
    public static decimal Plain(decimal value)
    {
        var scale = value.Scale;
        if (scale == 0) return value;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }
        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), value < 0, scale);
    }
}

/// <summary>
/// A period in words as the dashboard writes it (<see cref="FigureText.Period(PeriodKind, DateOnly, DateOnly, string?, string?)"/>),
/// in the export's language whatever the request's culture. An export has few distinct periods, so each is worded once.
/// </summary>
public sealed class PeriodLabels(CultureInfo culture)
{
    private const int MaxCached = 10_000;
    private readonly Dictionary<(PeriodKind, DateOnly, DateOnly, string?, string?), string> cache = [];

    public string Of(ExportRow row) => Of(row.PeriodKind, row.Start, row.End, row.PlanNameZh, row.PlanNameEn);

    public string Of(ExportPeriod p) => Of(p.Kind, p.Start, p.End, p.PlanNameZh, p.PlanNameEn);

    public string Of(PeriodKind kind, DateOnly start, DateOnly end, string? planZh, string? planEn)
    {
        var key = (kind, start, end, planZh, planEn);
        if (cache.TryGetValue(key, out var label)) return label;
        label = FigureText.Period(kind, start, end, planZh, planEn, culture);
        if (cache.Count < MaxCached) cache[key] = label;
        return label;
    }
}
