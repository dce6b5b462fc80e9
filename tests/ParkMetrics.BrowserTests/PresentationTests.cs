using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;

namespace ParkMetrics.BrowserTests;

/// <summary>What the screenshots showed to be unreadable or untranslated, checked in the page itself.</summary>
public sealed class PresentationTests(BrowserApp app)
{
    /// <summary>Text as light as its background, where the background is the first opaque one up the tree.</summary>
    private const string InvisibleBadges = """
        () => {
            const rgb = s => (s.match(/[\d.]+/g) ?? []).map(Number);
            const opaque = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
            const light = c => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            return [...document.querySelectorAll('.badge')].filter(b => b.textContent.trim().length > 0)
                .filter(b => Math.abs(light(rgb(getComputedStyle(b).color)) - light(opaque(b))) < 60)
                .map(b => b.textContent.trim());
        }
        """;

    [Theory]
    [InlineData("/plans/fyp14")]
    [InlineData("/parks/xetdz")]
    public async Task Badges_OnPlanAndParkPages_HaveTextThatStandsOut(string path)
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync(path);
        await Expect(new AppShell(session.Page, Ui.Zh).Heading).ToBeVisibleAsync();

        var invisible = await session.Page.EvaluateAsync<string[]>(InvisibleBadges);

        Assert.Empty(invisible); // 计算值 on the plan, 2024年独角兽企业 … on 西宁开发区
    }

    [Fact]
    public async Task Paginator_InChinese_SpeaksChinese()
    {
        await using var session = await app.OpenAsync();
        await session.GotoAsync("/plans/fyp14");
        var paginator = session.Page.Locator(".paginator").First;
        await Expect(paginator).ToBeVisibleAsync();

        await Expect(paginator).Not.ToContainTextAsync("items");
        await Expect(paginator).Not.ToContainTextAsync("Page");
    }
}
