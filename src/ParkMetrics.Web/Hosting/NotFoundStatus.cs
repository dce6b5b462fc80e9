namespace ParkMetrics.Web.Hosting;

/// <summary>
/// A read page that finds no park, indicator, plan, source or figure answers 404: Blazor then leaves the body to the
/// status code pages, whose page (Components/Pages/StatusPage.razor) says what was not found from the address asked
/// for, in the reader's language.
/// </summary>
public static class NotFoundStatus
{
    public static void Set(HttpContext? http)
    {
        if (http is null || http.Response.HasStarted) return;
        http.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
