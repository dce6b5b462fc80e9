using Microsoft.AspNetCore.Localization;

namespace ParkMetrics.Web.Hosting;

public static class CultureEndpoint
{
    /// <summary>
    /// <c>GET /culture?name=en&amp;redirectUri=/parks/ganhe</c> remembers the language in a cookie for a year and goes
    /// back to the page: a Blazor circuit keeps the culture it started with, so the page must load again.
    /// </summary>
    public static WebApplication MapCultureEndpoint(this WebApplication app)
    {
        app.MapGet("/culture", (string? name, string? redirectUri, HttpContext http) =>
        {
            var culture = ServiceDefaults.Cultures.FirstOrDefault(c => c.Name == name) ?? ServiceDefaults.Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal)
                ? redirectUri : "/";
            return TypedResults.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }
}
