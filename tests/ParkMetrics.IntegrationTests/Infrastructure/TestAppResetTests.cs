using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Admin;
using ParkMetrics.IntegrationTests.Export;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.IntegrationTests.Infrastructure;

/// <summary>
/// What <see cref="TestApp.ResetAsync"/> promises the tests that write: the database as the app's startup and the
/// fixture left it (every table's row count, the same figures under the same ids, the same accounts), and no page
/// cached before it.
/// </summary>
public sealed partial class TestAppResetTests(AdminApp app) : IClassFixture<AdminApp>
{
    [Fact]
    public async Task Reset_AfterAFigureAndAnAccountWereWritten_LeavesTheDatabaseAndPagesAsAtStartup()
    {
        var ct = TestContext.Current.CancellationToken;
        var counts = await RowCountsAsync();
        var figures = await StoredRow.ReadAsync(app.ConnectionString);
        var editor = app.Services.GetRequiredService<FigureEditor>();
        var grid = await editor.LoadAsync("ganhe", 2030, ct);
        var row = grid.Rows.Single(r => r.IndicatorCode == "fixed_asset_investment");
        Assert.True((await editor.SaveAsync("ganhe", 2030, [new EntryChange(row.IndicatorId, null, null, 1234567, Qualifier.Exact, null, grid.StatisticsOfficeSourceId, "test")],
            TestApp.AdminEmail, ct)).Saved);
        await app.CreateUserAsync("written@example.org", "Written-Account-42", Roles.Admin);
        Assert.Contains("123.4567亿元", await app.Client.GetStringAsync("/parks/ganhe", ct), StringComparison.Ordinal); // now cached

        await app.ResetAsync();

        Assert.Equal(counts, await RowCountsAsync());
        Assert.Equal(figures, await StoredRow.ReadAsync(app.ConnectionString));
        Assert.DoesNotContain("123.4567亿元", await app.Client.GetStringAsync("/parks/ganhe", ct), StringComparison.Ordinal);
        Assert.Null(await app.WithUsersAsync(users => users.FindByEmailAsync("written@example.org")));
        using (await app.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword)) { }
        using (await app.SignInAsync(AdminApp.AnalystEmail, AdminApp.AnalystPassword)) { }
    }

    private async Task<IReadOnlyList<string>> RowCountsAsync() =>
        [.. (await DatabaseDump.AllTablesAsync(app.ConnectionString, withSequences: false)).Where(line => RowCount().IsMatch(line))];

    [GeneratedRegex(@"^\w+: \d+ rows$")]
    private static partial Regex RowCount();
}
