using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Web.Features.Export;

/// <summary>The words of an export: column headers and file names in Chinese or English, and values as plain numbers.</summary>
public static class ExportText
{
    public static IReadOnlyList<string> LongHeader(bool zh) => zh
        ? ["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "开始日期", "结束日期", "期间", "数值", "单位", "报告数值", "报告单位", "限定", "来源", "来源日期", "引文"]
        : ["Park code", "Park", "Subject", "Indicator code", "Indicator", "Period kind", "Start", "End", "Period", "Value", "Unit",
            "Reported value", "Reported unit", "Qualifier", "Source", "Source date", "Quote"];

    /// <summary>The columns of a wide export before its one column per period.</summary>
    public static IReadOnlyList<string> WideHeader(bool zh) => zh
        ? ["园区代码", "园区", "主体", "指标代码", "指标", "期间类型", "单位"]
        : ["Park code", "Park", "Subject", "Indicator code", "Indicator", "Period kind", "Unit"];

    /// <summary>
    /// <c>attachment</c> with a file name in the request's language (<c>西宁经济技术开发区-指标.csv</c> for one park) as
    /// RFC 5987 <c>filename*</c>, and an ASCII <c>filename</c> (<c>observations-xetdz.csv</c>) for clients without it.
    /// </summary>
    public static string ContentDisposition(ExportRequest request)
    {
        var wide = request.Format == ExportFormat.WideForm;
        var park = request.SinglePark;
        var name = request.IsChinese
            ? (park is null ? "园区指标" : park.NameZh + "-指标") + (wide ? "-宽表" : "")
            : (park is null ? "park-indicators" : park.NameEn + "-indicators") + (wide ? "-wide" : "");
        var ascii = "observations" + (park is null ? "" : "-" + AsciiOnly(park.Code)) + (wide ? "-wide" : "");
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(name + ".csv");
        header.FileName = ascii + ".csv"; // SetHttpFileName leaves underscores for every Chinese character here
        return header.ToString();
    }

    private static string AsciiOnly(string code)
    {
        var sb = new StringBuilder(code.Length);
        foreach (var c in code) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return sb.ToString();
    }

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
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture; // FigureText reads the UI culture
        try
        {
            label = FigureText.Period(kind, start, end, planZh, planEn);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        if (cache.Count < MaxCached) cache[key] = label;
        return label;
    }
}
