using System.Globalization;

namespace ParkMetrics.Tests.Web;

/// <summary>
/// Sets both <see cref="CultureInfo.CurrentUICulture"/> (which language the app speaks) and
/// <see cref="CultureInfo.CurrentCulture"/> (how the runtime formats) for the test's flow, and restores them on dispose.
/// </summary>
internal sealed class TestCulture : IDisposable
{
    private readonly CultureInfo previousUi = CultureInfo.CurrentUICulture;
    private readonly CultureInfo previous = CultureInfo.CurrentCulture;

    private TestCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
    }

    /// <summary>The two languages of the app: Chinese (the neutral resources) and English.</summary>
    public static TheoryData<string> Both => new("zh-CN", "en");

    public static TestCulture Use(string name) => new(name);

    /// <summary>The Chinese or the English expectation, by the culture the test runs in.</summary>
    public static string Pick(string culture, string zh, string en) => culture.StartsWith("zh", StringComparison.Ordinal) ? zh : en;

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = previousUi;
        CultureInfo.CurrentCulture = previous;
    }
}
