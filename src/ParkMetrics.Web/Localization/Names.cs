using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Localization;

/// <summary>
/// The one way a catalog entry's name is chosen for a language: <c>NameZh</c> in Chinese, <c>NameEn</c> otherwise.
/// UI words come from the resx files; names of parks, indicators and plans come from the database through here.
/// </summary>
public static class Names
{
    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName is "zh" or "iv";

    public static string Of(string zh, string en, CultureInfo culture) => IsChinese(culture) ? zh : en;

    /// <summary>The name in the other language, shown under the name in a bilingual list.</summary>
    public static string OtherOf(string zh, string en, CultureInfo culture) => IsChinese(culture) ? en : zh;

    public static string Name(this ParkSummary p, CultureInfo culture) => Of(p.NameZh, p.NameEn, culture);

    public static string OtherName(this ParkSummary p, CultureInfo culture) => OtherOf(p.NameZh, p.NameEn, culture);

    public static string Name(this IndicatorSummary i, CultureInfo culture) => Of(i.NameZh, i.NameEn, culture);

    public static string OtherName(this IndicatorSummary i, CultureInfo culture) => OtherOf(i.NameZh, i.NameEn, culture);

    /// <summary>“十四五”规划 / 14th Five-Year Plan.</summary>
    public static string Name(this PlanPeriod p, CultureInfo culture) => IsChinese(culture) ? $"“{p.NameZh}”规划" : p.NameEn;
}
