using Microsoft.AspNetCore.Identity;

namespace ParkMetrics.Web.Features.Account;

public static class AccountEndpoints
{
    /// <summary><c>POST /account/logout</c> (a form with the antiforgery token) signs out and goes home.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).ExcludeFromDescription();
        return app;
    }
}
