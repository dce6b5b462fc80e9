using ParkMetrics.BrowserTests.Infrastructure;

namespace ParkMetrics.BrowserTests.Pages;

/// <summary>The sign-in form an anonymous visitor of an admin page is sent to, filled in and sent with Enter.</summary>
public static class SignIn
{
    /// <summary>Opens <paramref name="path"/>, signs in on the form it redirects to, and waits for the page to come back interactive.</summary>
    public static async Task OpenAsAsync(BrowserSession session, string path, string culture, string email, string password)
    {
        var page = session.Page;
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?"));
        await page.GetByLabel(Ui.Pick(culture, "邮箱", "Email")).FillAsync(email);
        var passwordBox = page.GetByLabel(Ui.Pick(culture, "密码", "Password"));
        await passwordBox.FillAsync(password);
        await session.LoadsNewCircuitAsync(() => passwordBox.PressAsync("Enter"));
    }
}
