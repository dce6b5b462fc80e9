namespace ParkMetrics.BrowserTests;

/// <summary>The app's words the tests look for, in Chinese (the default) and English, as Resources/SharedResource*.resx has them.</summary>
public static class Ui
{
    public const string Zh = "zh-CN";
    public const string En = "en";

    public static TheoryData<string> Languages => new(Zh, En);

    public static string Pick(string culture, string zh, string en) => culture == Zh ? zh : en;

    public static string AppName(string culture) => Pick(culture, "园区经济指标", "ParkMetrics");

    public static string SkipToContent(string culture) => Pick(culture, "跳到正文", "Skip to content");

    /// <summary>The navigation's links, in order.</summary>
    public static IReadOnlyList<string> Navigation(string culture) => culture == Zh
        ? ["总览", "园区", "指标", "对比", "五年规划", "来源", "数据核对"]
        : ["Overview", "Parks", "Indicators", "Compare", "Five-year plans", "Sources", "Consistency"];

    /// <summary>The label of the language button: the other language.</summary>
    public static string OtherLanguage(string culture) => Pick(culture, "English", "中文");
}
