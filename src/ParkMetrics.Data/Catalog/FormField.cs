using System.Globalization;

namespace ParkMetrics.Data.Catalog;

/// <summary>
/// A field of a catalog form: its name, and its label in both languages as the form shows it (the pages' resx holds
/// the same words under <c>Field_{Name}</c>), so that every message names the field the admin sees.
/// </summary>
public sealed record FormField(string Name, string Zh, string En)
{
    public string Label => Bilingual.Say(Zh, En);

    public static readonly FormField Code = new("code", "代码", "Code");
    public static readonly FormField Kind = new("kind", "类型", "Kind");
    public static readonly FormField Title = new("title", "标题", "Title");
    public static readonly FormField Outlet = new("outlet", "报刊", "Outlet");
    public static readonly FormField PublishedOn = new("published_on", "刊发日期", "Published on");
    public static readonly FormField AsOf = new("as_of", "数据截至日期", "Figures as of");
    public static readonly FormField DateNote = new("date_note", "日期说明", "Note on dates");
    public static readonly FormField Url = new("url", "网址", "URL");
    public static readonly FormField Text = new("text", "全文", "Full text");
    public static readonly FormField NameZh = new("name_zh", "中文名称", "Chinese name");
    public static readonly FormField NameEn = new("name_en", "英文名称", "English name");
    public static readonly FormField Category = new("category", "类别", "Category");
    public static readonly FormField Unit = new("unit", "单位", "Unit");
    public static readonly FormField Measure = new("measure", "度量", "Measure");
    public static readonly FormField Aggregation = new("aggregation", "汇总方式", "Aggregation");
    public static readonly FormField BaseIndicator = new("base", "基数指标", "Base indicator");
    public static readonly FormField Aliases = new("aliases", "别名", "Other names");
    public static readonly FormField Dimension = new("dimension", "量纲", "Dimension");
    public static readonly FormField Factor = new("factor", "换算系数", "Factor");
    public static readonly FormField Parent = new("parent", "上级", "Part of");
    public static readonly FormField Reason = new("reason", "原因", "Reason");

    public static IReadOnlyList<FormField> All { get; } =
        [Code, Kind, Title, Outlet, PublishedOn, AsOf, DateNote, Url, Text, NameZh, NameEn, Category, Unit, Measure, Aggregation,
         BaseIndicator, Aliases, Dimension, Factor, Parent, Reason];
}

/// <summary>Chinese unless the UI culture is another language, as the seed's and the entry grid's messages.</summary>
internal static class Bilingual
{
    public static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "zh" or "iv";

    public static string Say(string zh, string en) => Chinese ? zh : en;

    /// <summary>A list as each language writes one: 甲、乙 / a, b.</summary>
    public static string List(IEnumerable<string> items) => string.Join(Chinese ? "、" : ", ", items);
}
