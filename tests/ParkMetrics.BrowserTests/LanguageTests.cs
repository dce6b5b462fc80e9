using System.Text.RegularExpressions;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

public sealed partial class LanguageTests(BrowserApp app)
{
    [Fact]
    public async Task SwitchLanguage_ToEnglishAndBack_StaysOnThePageAndSurvivesAReload()
    {
        await using var session = await app.OpenAsync(Ui.Zh);
        await session.GotoAsync("/parks/dongchuan");
        var zh = new AppShell(session.Page, Ui.Zh);
        var en = new AppShell(session.Page, Ui.En);
        await Expect(zh.LanguageButton).ToHaveTextAsync(Ui.OtherLanguage(Ui.Zh));

        await session.LoadsNewCircuitAsync(() => zh.LanguageButton.ClickAsync());

        await Expect(session.Page).ToHaveURLAsync(DongchuanUrl());
        await Expect(en.NavigationLinks).ToHaveTextAsync([.. Ui.Navigation(Ui.En)]);
        await Expect(en.HeadingNamed("Dongchuan Industrial Park")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", Ui.En);

        await session.ReloadAsync();

        await Expect(en.NavigationLinks).ToHaveTextAsync([.. Ui.Navigation(Ui.En)]);
        await Expect(en.LanguageButton).ToHaveTextAsync(Ui.OtherLanguage(Ui.En));

        await session.LoadsNewCircuitAsync(() => en.LanguageButton.ClickAsync());

        await Expect(session.Page).ToHaveURLAsync(DongchuanUrl());
        await Expect(zh.NavigationLinks).ToHaveTextAsync([.. Ui.Navigation(Ui.Zh)]);
        await Expect(zh.HeadingNamed("东川工业园区")).ToBeVisibleAsync();
        session.AssertNoConsoleErrors();
    }

    [GeneratedRegex("/parks/dongchuan$")]
    private static partial Regex DongchuanUrl();
}
