namespace ParkMetrics.Web.Hosting;

/// <summary>Whether a return or redirect URL stays on this site.</summary>
public static class LocalUrl
{
    /// <summary>
    /// A path of this site: it starts with one <c>/</c> that no <c>/</c> or <c>\</c> follows (browsers read <c>//host</c>
    /// and <c>/\host</c> alike as another site), and holds no control character (a tab or line break browsers drop).
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is local, else the overview.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
