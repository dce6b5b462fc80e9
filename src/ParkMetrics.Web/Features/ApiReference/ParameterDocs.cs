using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Features.Export;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Web.Features.ApiReference;

/// <summary>
/// What a query parameter of the public API means, in Chinese then English, the values it takes (<see cref="Allowed"/>,
/// or a pattern), and an example. Codes that come from the database (parks, indicators, sources) are listed from the
/// catalog when the document is written. The entries' order is the order parameters are listed in.
/// </summary>
public sealed record ParameterDoc(string Description, string Example, IReadOnlyList<string>? Allowed = null, string? Pattern = null, (int Min, int Max)? Range = null);

public static class ParameterDocs
{
    private const string ListNote = "可重复该参数或以逗号分隔。Repeat the parameter or separate values with commas.";

    public static IReadOnlyDictionary<string, ParameterDoc> For(ExportCatalog catalog) => new Dictionary<string, ParameterDoc>(StringComparer.Ordinal)
    {
        ["park"] = new($"园区代码；不填为全部园区。{ListNote} Park codes; all parks when left out.", "xetdz",
            [.. catalog.Parks.Keys.Order(StringComparer.Ordinal)]),
        ["indicator"] = new($"指标代码；不填为全部指标。{ListNote} Indicator codes; all indicators when left out.", "industrial_output_above_scale",
            [.. catalog.Indicators.Keys.Order(StringComparer.Ordinal)]),
        ["category"] = new($"指标类别。{ListNote} Indicator categories.", "output",
            [.. catalog.Indicators.Values.Select(i => i.Category).Distinct().OrderBy(Categories.Rank)]),
        ["source"] = new($"来源编号（见 /sources）。{ListNote} Source ids (see /sources).", catalog.Sources.Keys.Order().Select(Text).FirstOrDefault() ?? "1",
            [.. catalog.Sources.Keys.Order().Select(Text)]),
        ["period_kind"] = new($"期间类型：year 年度、ytd_month 年内累计、half_year 半年、quarter 季度（二、三、四季度；一季度即 1—3 月累计）、plan_cumulative 规划期累计、plan_to_date 规划期以来、"
            + $"annual_average 年均（多年的每年平均，不是累计）、point 时点、target 目标。{ListNote} Period kinds: annual_average is an average per year over several years, never a total.",
            "year", [.. EnumCode.All<PeriodKind>().Order(StringComparer.Ordinal)]),
        ["from"] = new("起始年份（含），按期间开始日期。First year, inclusive, by the period's start.", "2021", Range: (1000, 9999)),
        ["to"] = new("截止年份（含），按期间开始日期；不得早于 from。Last year, inclusive, by the period's start; not before from.", "2025", Range: (1000, 9999)),
        ["subject"] = new("park 为园区本级数值，enterprise 为企业数值，all（默认）为两者。park: the parks' own figures; enterprise: enterprises'; all (default): both.",
            "park", ["park", "enterprise", "all"]),
        ["format"] = new("long（默认）每行一个数值；wide 每行为一个主体的一项指标在一种期间类型下的序列，每个期间两列（数值、限定代码），预计数另成列，“来源次序”区分同一期间的多个来源。"
            + " long (default): one row per figure; wide: one row per subject, indicator and period kind, two columns per period (value, qualifier code), forecasts in columns of their own, and a source rank where several sources report one period.",
            "wide", ["long", "wide"]),
        ["lang"] = new("名称、标签、表头与错误信息的语言：zh（默认）或 en。Language of names, labels, headers and error messages.", "en", ["zh", "en"]),
        ["bom"] = new("CSV 是否以 UTF-8 字节顺序标记开头（默认 true，Excel 据此识别中文）。Whether the CSV starts with a UTF-8 byte order mark (default true, so that Excel reads Chinese).",
            "false", ["true", "false"]),
        ["limit"] = new($"每页的行数（宽表为序列数），1 到 {ExportPage.MaxLimit}，默认 {ExportPage.DefaultLimit}。Rows per page (series in the wide layout), from 1 to {ExportPage.MaxLimit}; {ExportPage.DefaultLimit} by default.",
            "500", Range: (1, ExportPage.MaxLimit)),
        ["cursor"] = new("上一页返回的 next，原样传回即得下一页；不填为第一页。The previous page's next, passed back as it is, for the page after it; the first page when left out.",
            ExportCursor.Of(new ExportPosition(1, null, 1, PeriodKind.Year, new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), 1)), Pattern: "^[A-Za-z0-9_-]+$"),
        ["severity"] = new($"核对发现的严重程度：contradiction 矛盾、implausible 存疑、note 提示；不填为全部。{ListNote} Severity of a finding; all when left out.",
            "contradiction", [.. EnumCode.All<Data.Checks.Severity>().Order(StringComparer.Ordinal)]),
        ["rule"] = new($"核对规则，如 components（构成之和与总数）、share（比重）、growth（增速）；不填为全部。{ListNote} Rules, such as components, share, growth; all when left out.",
            "components", [.. EnumCode.All<Data.Checks.CheckRule>().Order(StringComparer.Ordinal)]),
    };

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
