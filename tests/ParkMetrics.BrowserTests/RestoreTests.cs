using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.BrowserTests.Infrastructure;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.BrowserTests;

/// <summary>Deleted figures come back only with a reason, on an app of its own so that no other test sees the change.</summary>
public sealed class RestoreTests(BrowserApp app)
{
    private const string Email = "restorer@parkmetrics.test";
    private const string Password = "Restore-Figures-2026";

    [Fact]
    public async Task Admin_RestoresADeletedFigure_IsAskedForAReasonFirst()
    {
        await using var own = await app.StartOwnAppAsync(("Admin:Email", Email), ("Admin:Password", Password));
        var editor = own.Services.GetRequiredService<FigureEditor>();
        var ct = TestContext.Current.CancellationToken;
        var grid = await editor.LoadAsync("ganhe", 2031, ct);
        var row = grid.Rows.Single(r => r.IndicatorCode == "industrial_investment");
        await editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, null, null, 7, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, null)], Email, ct);
        row = (await editor.LoadAsync("ganhe", 2031, ct)).Rows.Single(r => r.IndicatorCode == "industrial_investment");
        await editor.SaveAsync("ganhe", 2031, [new(row.IndicatorId, row.ObservationId, row.Version, null, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, "typo")],
            Email, ct);
        await using var session = await app.OpenAsync(own: own);
        var page = session.Page;

        await page.GotoAsync("/admin/deleted");
        await page.GetByLabel("邮箱").FillAsync(Email);
        await page.GetByLabel("密码").FillAsync(Password);
        await session.LoadsNewCircuitAsync(() => page.GetByLabel("密码").PressAsync("Enter"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("已删除的数据");
        await page.GetByTestId("restore").ClickAsync();
        await Expect(page.GetByTestId("restore-message")).ToHaveTextAsync("恢复数据需要填写原因");
        await Expect(page.GetByTestId("restore")).ToHaveCountAsync(1); // still deleted
        await session.ScreenshotAsync("restore.reason-asked");

        await page.GetByLabel("原因").FillAsync("录入后误删");
        await page.GetByTestId("restore").ClickAsync();

        await Expect(page.GetByTestId("restore-message")).ToHaveTextAsync("已恢复。");
        await Expect(page.GetByTestId("deleted-empty")).ToBeVisibleAsync();
        session.AssertNoConsoleErrors();
    }
}
