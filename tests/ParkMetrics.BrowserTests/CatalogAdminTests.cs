using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.BrowserTests.Pages;
using ParkMetrics.Data.Catalog;

namespace ParkMetrics.BrowserTests;

/// <summary>The catalog's admin pages, on an app of its own so that registered reports reach no other test.</summary>
public sealed class CatalogAdminTests(BrowserApp app)
{
    private const string Email = "catalog@parkmetrics.test";
    private const string Password = "Catalog-Pages-2026";

    // Traditional characters as a repost serves them, a hard wrap and blank lines between paragraphs.
    private const string Report = "西寧經濟技術開發區2024年統計公報\n\n全年規模以上工業增加值\n增長8.1%。\n\n工業投資125.8億元，增長18.7%。";
    private const string Title = "西寧經濟技術開發區2024年統計公報";

    [Fact]
    public async Task Admin_RegistersAReportByKeyboard_SeesItListedByTitleWithItsCode()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        await using var session = await app.OpenAsync(own: own);
        var page = session.Page;
        await SignIn.OpenAsAsync(session, CatalogAdminPage.Sources, Ui.Zh, Email, Password);
        var sources = new CatalogAdminPage(page, Ui.Zh);
        await Expect(sources.HeadingNamed("来源管理")).ToBeVisibleAsync();

        await sources.Field("类型", "Kind").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown"); // 新闻报道 → 统计公报
        await TabToAsync(page, sources.Field("报刊", "Outlet"));
        await page.Keyboard.TypeAsync("西宁经开区统计局");
        await TabToAsync(page, sources.Field("标题", "Title"));
        await page.Keyboard.InsertTextAsync(Title);
        await TabToAsync(page, sources.Field("刊发日期", "Published on"));
        // The order of a date field's parts follows the browser's own locale, so the date is set whole once reached.
        await sources.Field("刊发日期", "Published on").FillAsync("2025-03-20");
        await TabToAsync(page, sources.Field("日期说明", "Note on dates"));
        await page.Keyboard.InsertTextAsync("年报，数据截至2024年底");
        await TabToAsync(page, sources.Field("全文", "Full text"));
        await page.Keyboard.InsertTextAsync(Report);
        await TabToAsync(page, sources.Save);
        await page.Keyboard.PressAsync("Enter");

        // As-of left blank: the publication date; code left blank: from the kind and the date.
        await Expect(sources.Saved).ToHaveTextAsync($"已保存“{Title}”，代码 bulletin-2025-03-20。");
        var row = sources.Row(Title);
        await Expect(row).ToContainTextAsync("bulletin-2025-03-20");
        await Expect(row).ToContainTextAsync("统计公报");
        await Expect(sources.History).ToContainTextAsync("新增");
        await session.ScreenshotAsync("admin-sources.registered");
        var editor = own.Services.GetRequiredService<SourceEditor>();
        var saved = (await editor.ListAsync(TestContext.Current.CancellationToken)).Single(s => s.Title == Title);
        var form = await editor.FindAsync(saved.Id, TestContext.Current.CancellationToken);
        Assert.Equal((Report, new DateOnly(2025, 3, 20), new DateOnly(2025, 3, 20)), (form!.Text, form.PublishedOn, form.AsOf));
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Admin_SavesAUnitWithAMistake_HearsWhichFieldIsWrong()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        await using var session = await app.OpenAsync(own: own);
        var page = session.Page;
        await SignIn.OpenAsAsync(session, CatalogAdminPage.Units, Ui.Zh, Email, Password);
        var units = new CatalogAdminPage(page, Ui.Zh);

        await units.Field("代码", "Code").FillAsync("万箱");
        await units.Field("量纲", "Dimension").FillAsync("items");
        await units.Field("别名", "Other names").FillAsync("萬箱; 億元");
        await units.Save.ClickAsync();

        await Expect(units.Errors).ToBeFocusedAsync();
        await Expect(units.Errors).ToHaveTextAsync("请填写“换算系数”。");
        await Expect(units.Field("换算系数", "Factor")).ToHaveAttributeAsync("aria-invalid", "true");
        await units.Field("换算系数", "Factor").FillAsync("10000");
        await units.Save.ClickAsync();

        await Expect(units.Errors).ToHaveTextAsync("别名“億元”已属于单位“亿元”。");
        await Expect(units.Field("别名", "Other names")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.ScreenshotAsync("admin-units.refused");
        await units.Field("别名", "Other names").FillAsync("萬箱");
        await units.Save.ClickAsync();

        await Expect(units.Saved).ToHaveTextAsync("已保存单位 万箱。");
        await units.Filter.FillAsync("萬箱");
        await Expect(units.Rows).ToHaveCountAsync(1);
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task CatalogPages_OnDesktopAndPhoneInBothLanguages_FitTheScreenAndLogNoError()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        var pages = new (string Path, string Name, string Zh, string En)[]
        {
            (CatalogAdminPage.Sources, "admin-sources", "来源管理", "Sources"),
            (CatalogAdminPage.Indicators, "admin-indicators", "指标管理", "Indicators"),
            (CatalogAdminPage.Units, "admin-units", "单位管理", "Units"),
            (CatalogAdminPage.Parks, "admin-parks", "园区管理", "Parks"),
            ("/admin", "admin", "管理", "Admin"),
        };
        foreach (var (device, width, height) in new[] { ("desktop", 1366, 768), ("phone", 390, 844) })
        {
            foreach (var culture in new[] { Ui.Zh, Ui.En })
            {
                await using var session = await app.OpenAsync(culture, width, height, own);
                await SignIn.OpenAsAsync(session, pages[0].Path, culture, Email, Password);
                foreach (var (path, name, zh, en) in pages)
                {
                    if (path != pages[0].Path) await session.GotoAsync(path);
                    var catalog = new CatalogAdminPage(session.Page, culture);
                    await Expect(catalog.HeadingNamed(Ui.Pick(culture, zh, en))).ToBeVisibleAsync();
                    if (path != "/admin") await Expect(catalog.Rows.First).ToBeVisibleAsync();
                    await session.ScreenshotAsync($"{name}.{device}.{culture}", fullPage: false);
                    if (path != "/admin")
                    {
                        // Editing the first entry brings its form into view, filled in.
                        await catalog.Rows.First.GetByRole(AriaRole.Button).ClickAsync();
                        await Expect(session.Page.Locator("h2[tabindex='-1']")).ToBeFocusedAsync();
                        await Expect(catalog.Save).ToBeVisibleAsync();
                        await session.ScreenshotAsync($"{name}.{device}.{culture}.form", fullPage: false);
                    }
                    var widths = await session.Page.EvaluateAsync<int[]>(Scripts.ScrollWidths);
                    Assert.True(widths[0] <= widths[1], $"{path} at {width}px in {culture}: scrollWidth {widths[0]} > innerWidth {widths[1]}");
                }
                session.AssertNoConsoleErrors();
            }
        }
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user moves through a form.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"Tab never reached {target}.");
    }
}
