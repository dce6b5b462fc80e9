using System.Globalization;

namespace ParkMetrics.Testing;

/// <summary>Sets <see cref="CultureInfo.CurrentUICulture"/> for the test's flow and restores it on dispose.</summary>
internal sealed class UICulture : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public UICulture(string name) : this(CultureInfo.GetCultureInfo(name)) { }

    public UICulture(CultureInfo culture)
    {
        Culture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public CultureInfo Culture { get; }

    public void Dispose() => CultureInfo.CurrentUICulture = previous;
}
