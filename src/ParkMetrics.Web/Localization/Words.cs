using System.Globalization;
using System.Resources;

namespace ParkMetrics.Web.Localization;

/// <summary>
/// The UI's words (Resources/SharedResource*.resx) in a culture given explicitly, for what is written in another
/// language than the request's (an export with lang=en): the same resx the pages' localizer reads, without swapping
/// the thread's culture.
/// </summary>
public static class Words
{
    private static readonly ResourceManager Resources = new("ParkMetrics.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The word for <paramref name="key"/>; the key itself when the resx lacks it, as IStringLocalizer does.</summary>
    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;
}
