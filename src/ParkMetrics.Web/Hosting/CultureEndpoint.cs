using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace ParkMetrics.Web.Hosting;

public static class CultureEndpoint
{
    /// <summary>
    /// <c>GET /culture?name=en&amp;redirectUri=/parks/ganhe</c> remembers the language in a cookie for a year and goes
    /// back to the page: a Blazor circuit keeps the culture it started with, so the page must load again. A
    /// <c>redirectUri</c> off this site (<c>//host</c>, <c>/\host</c>, a full URL) answers 400 and sets nothing.
    /// </summary>
    public static WebApplication MapCultureEndpoint(this WebApplication app)
    {
        app.MapGet("/culture", Results<RedirectHttpResult, BadRequest> (string? name, string? redirectUri, HttpContext http) =>
        {
            if (redirectUri is { Length: > 0 } && !LocalUrl.IsLocal(redirectUri)) return TypedResults.BadRequest();
            var culture = ServiceDefaults.Cultures.FirstOrDefault(c => c.Name == name) ?? ServiceDefaults.Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return TypedResults.LocalRedirect(LocalUrl.OrHome(redirectUri));
        }).ExcludeFromDescription();
        return app;
    }
}
