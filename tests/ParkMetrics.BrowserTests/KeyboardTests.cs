using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>On /parks, whose h1 renders at once (pages that first show 正在加载… race the focus to it).</summary>
public sealed class KeyboardTests(BrowserApp app)
{
    private const string Parks = "/parks";

    [Theory]
    [MemberData(nameof(Ui.Languages), MemberType = typeof(Ui))]
    public async Task Tab_AfterPageLoad_ReachesTheSkipLinkFirstThenEveryNavigationLink(string culture)
    {
        await using var session = await app.OpenAsync(culture);
        await session.GotoAsync(Parks);
        var shell = new AppShell(session.Page, culture);
        await Expect(shell.HeadingNamed(Ui.Pick(culture, "园区", "Parks"))).ToBeVisibleAsync();
        await session.Page.WaitForTimeoutAsync(300); // let the first interactive render settle

        await session.Page.Keyboard.PressAsync("Tab");

        await Expect(shell.SkipLink).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Tab");
        await Expect(shell.BrandLink).ToBeFocusedAsync();
        foreach (var name in Ui.Navigation(culture))
        {
            await session.Page.Keyboard.PressAsync("Tab");
            await Expect(shell.NavigationLink(name)).ToBeFocusedAsync();
        }
    }

    /// <summary>After a navigation inside the app the focus lands on the new page's h1; from there the keyboard walks back to the skip link.</summary>
    [Theory]
    [MemberData(nameof(Ui.Languages), MemberType = typeof(Ui))]
    public async Task ShiftTab_FromTheHeading_WalksBackThroughEveryNavigationLinkToTheSkipLink(string culture)
    {
        await using var session = await app.OpenAsync(culture);
        await session.GotoAsync("/");
        var shell = new AppShell(session.Page, culture);
        // Blazor intercepts links once it has started, after the page's load on a busy machine; a click before that
        // loads the next page in full, which rightly starts at the skip link.
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await shell.NavigationLink(Ui.Navigation(culture)[1]).ClickAsync();
        await Expect(shell.HeadingNamed(Ui.Pick(culture, "园区", "Parks"))).ToBeFocusedAsync();

        await ShiftTabUntilFocusedAsync(session.Page, shell.LanguageButton, maxPresses: 3); // past 登录 / Sign in

        foreach (var name in Ui.Navigation(culture).Reverse())
        {
            await session.Page.Keyboard.PressAsync("Shift+Tab");
            await Expect(shell.NavigationLink(name)).ToBeFocusedAsync();
        }
        await session.Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(shell.BrandLink).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(shell.SkipLink).ToBeFocusedAsync();
        await Expect(shell.SkipLink).ToBeInViewportAsync(); // visually hidden until focused
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task SkipLink_Activated_MovesFocusToTheMainContentOfTheSamePage()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync(Parks);
        var shell = new AppShell(session.Page, Ui.Zh);
        await Expect(shell.HeadingNamed("园区")).ToBeVisibleAsync();
        await shell.SkipLink.FocusAsync();

        await session.Page.Keyboard.PressAsync("Enter");

        await Expect(session.Page.Locator("main")).ToBeFocusedAsync();
        await Expect(shell.HeadingNamed("园区")).ToBeVisibleAsync();
        Assert.EndsWith("/parks#main", session.Page.Url, StringComparison.Ordinal);
    }

    private static async Task ShiftTabUntilFocusedAsync(IPage page, ILocator target, int maxPresses)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        await Expect(target).ToBeFocusedAsync(new() { Timeout = 1 });
    }
}
