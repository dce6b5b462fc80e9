using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ParkMetrics.Web.Features.Account;

public static class AccountEndpoints
{
    /// <summary>
    /// <c>POST /account/logout</c> (a form with the antiforgery token) signs out and goes home. Without a valid token it
    /// answers 400 and signs nobody out: another site cannot end a session.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async Task<Results<RedirectHttpResult, BadRequest>> (HttpContext http, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn) =>
        {
            // The endpoint binds no form field, so the antiforgery middleware would not check it by itself.
            if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.BadRequest();
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).ExcludeFromDescription();
        return app;
    }
}
