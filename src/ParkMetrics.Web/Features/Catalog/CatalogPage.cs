using System.Data.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParkMetrics.Data.Catalog;

namespace ParkMetrics.Web.Features.Catalog;

/// <summary>
/// What the catalog's admin pages share: who is signed in, the outcome of the last save as the page shows it, and a
/// database that cannot be reached said in words rather than thrown at the admin.
/// </summary>
public abstract partial class CatalogPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Localizer { get; set; } = null!;
    [Inject] private ILogger<CatalogPage> Logger { get; set; } = null!;

    protected string? SavedMessage { get; private set; }
    protected string? Problem { get; private set; }
    protected IReadOnlyList<FieldError> Errors { get; private set; } = [];
    protected bool Busy { get; private set; }

    /// <summary>The signed-in admin's name, as writes record it.</summary>
    protected async Task<string> UserAsync() => (await Authentication).User.Identity?.Name ?? "?";

    protected void ClearOutcome() => (SavedMessage, Problem, Errors) = (null, null, []);

    /// <summary>Shows a refusal found on the page itself, before anything is sent to an editor.</summary>
    protected void Refuse(FieldError error) => (SavedMessage, Problem, Errors) = (null, null, [error]);

    /// <summary>Runs a write as the signed-in admin and shows its outcome; true when it saved.</summary>
    protected async Task<bool> WriteAsync(Func<string, Task<CatalogResult>> write, Func<CatalogResult, string> saved)
    {
        ClearOutcome();
        Busy = true;
        try
        {
            var result = await write(await UserAsync());
            switch (result.Outcome)
            {
                case CatalogOutcome.Saved: SavedMessage = saved(result); break;
                case CatalogOutcome.Invalid: Errors = result.Errors; break;
                case CatalogOutcome.Conflict: Problem = Localizer["CatalogConflict"]; break;
                default: Problem = Localizer["CatalogNotFound"]; break;
            }
            return result.Saved;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException or InvalidOperationException { InnerException: DbException or TimeoutException })
        {
            LogWriteFailed(Logger, e);
            Problem = Localizer["DatabaseUnavailable"];
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Other names as typed in one box: separated by semicolons (；and 、 too).</summary>
    protected static IReadOnlyList<string> SplitList(string? text) =>
        text?.Split([';', '；', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    protected static string JoinList(IEnumerable<string> items) => string.Join("; ", items);

    [LoggerMessage(LogLevel.Error, "A catalog write failed in the database")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
