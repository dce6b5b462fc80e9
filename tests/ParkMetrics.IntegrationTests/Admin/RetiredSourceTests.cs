using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Catalog;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary>A retired source keeps its figures and its page, but the entry grid no longer offers it.</summary>
public sealed class RetiredSourceTests(AdminApp app) : IClassFixture<AdminApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EntryGrid_SourceRetiredThroughTheApp_IsNoLongerOfferedButStillShown()
    {
        var editor = app.Services.GetRequiredService<SourceEditor>();
        var source = (await editor.ListAsync(Ct)).Single(s => s.Code == "ganhe-2023");
        using var client = await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        Assert.Contains(source.Title, await client.GetStringAsync("/admin/entry?park=beichuan&year=2026", Ct), StringComparison.Ordinal);

        Assert.True((await editor.RetireAsync(source.Id, source.Version, TestApp.AdminEmail, "superseded", Ct)).Saved);

        var grid = await client.GetStringAsync("/admin/entry?park=beichuan&year=2026", Ct);
        Assert.DoesNotContain($">{source.Title}</option>", grid, StringComparison.Ordinal);
        Assert.Contains($">{(await editor.ListAsync(Ct)).First(s => s.RetiredAt is null && s.Code != "statistics-office").Title}</option>", grid, StringComparison.Ordinal);
        var page = await client.GetAsync($"/sources/{source.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("已停用", html, StringComparison.Ordinal);
        await using var db = app.CreateContext();
        Assert.Equal(source.FigureCount, await db.Observations.CountAsync(o => o.SourceId == source.Id, Ct));
    }
}
