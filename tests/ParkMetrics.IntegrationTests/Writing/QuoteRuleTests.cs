using System.Text;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>
/// A quote must stand verbatim in its source's text wherever that text is known, on every write path; the seed's sources
/// hold stand-in articles here. The import API is in <c>Admin/ImportEndpointTests.cs</c>.
/// </summary>
public sealed class QuoteRuleTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    internal const string Header = "park,subject,indicator,period_kind,period_start,period_end,value,unit,qualifier,source,quote";
    /// <summary>A figure the seed does not hold (a point in time), quoting a sentence of the beichuan-2024 article.</summary>
    internal const string Standing = "beichuan,,fixed_asset_investment,point,2023-12-31,2023-12-31,20,亿元,exact,beichuan-2024,园区完成固定资产投资20亿元";
    /// <summary>The same figure with a quote that holds its number but is not in the article.</summary>
    internal const string NotInText = "beichuan,,fixed_asset_investment,point,2023-12-31,2023-12-31,20,亿元,exact,beichuan-2024,园区投资20亿元";
    private const string NotInTextReason = "引文不在来源 beichuan-2024 的原文中";

    private readonly StandInArticles articles = new(RepositoryPaths.Seed);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ObservationUpload Upload => new(Database.Contexts, Database.Writer);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed, articles.Path);
    }

    public override ValueTask DisposeAsync()
    {
        articles.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task SeedAsync_QuoteNotInItsArticle_RefusesTheWholeSeedNamingTheLine()
    {
        await Database.ResetAsync();
        using var seed = SeedFolder.CopyOfRealSeed();
        var target = BadRows.Template(seed);
        seed.Rewrite(BadRows.Observations, records => records.Select(r => r.Line == target.Line ? r.With("quote", "原文里没有的" + r["value"]) : r));
        var before = await Database.DumpAsync(withSequences: false); // the catalogs' rows are rolled back, the numbers they drew are not
        using var ui = new UICulture("zh-CN");

        var e = await Assert.ThrowsAsync<SeedValidationException>(() => Database.SeedAsync(seed.Path, articles.Path));

        Assert.Equal($"observations.csv:{target.Line}: quote: 引文不在来源 {target["source"]} 的原文中", Assert.Single(e.Errors).ToString());
        Assert.Equal(before, await Database.DumpAsync(withSequences: false));
    }

    [Fact]
    public async Task ImportAsync_QuoteNotInItsSourceText_RefusesTheFileNamingTheLine()
    {
        var file = Path.Combine(articles.Path, "import.csv");
        await File.WriteAllTextAsync(file, $"{Header}\n{Standing.Replace("2023-12-31", "2023-06-30", StringComparison.Ordinal)}\n{NotInText}\n", Ct);
        var before = await Database.DumpAsync();
        using var ui = new UICulture("zh-CN");

        var e = await Assert.ThrowsAsync<SeedValidationException>(() => Database.Writer.ImportAsync(file, "importer", Ct));

        Assert.Equal($"import.csv:3: quote: {NotInTextReason}", Assert.Single(e.Errors).ToString());
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Fact]
    public async Task ImportAsync_QuoteStandingInItsSourceText_IsImported()
    {
        var file = Path.Combine(articles.Path, "import.csv");
        await File.WriteAllTextAsync(file, $"{Header}\n{Standing}\n", Ct);

        var result = await Database.Writer.ImportAsync(file, "importer", Ct);

        Assert.Equal((1, 1, 0, 0), (result.Rows, result.Inserted, result.Changed, result.Kept));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Upload_QuoteNotInItsSourceText_IsRefusedNamingTheLine(bool apply)
    {
        var before = await Database.DumpAsync();
        using var ui = new UICulture("zh-CN");

        var result = await Upload.ProcessAsync(Encoding.UTF8.GetBytes($"{Header}\n{Standing}\n{NotInText.Replace("2023-12-31", "2023-11-30", StringComparison.Ordinal)}\n"),
            "upload.csv", apply, "admin@example.org", Ct);

        Assert.Equal($"upload.csv:3: quote: {NotInTextReason}", Assert.Single(result.Errors).ToString());
        Assert.False(result.Applied);
        Assert.Empty(result.Rows);
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Fact]
    public async Task Intake_QuoteNotInItsSourceText_IsRefusedNamingTheLine()
    {
        var before = await Database.DumpAsync();
        using var ui = new UICulture("en-US");

        var result = await Upload.ProcessAsync($"{Header}\n{NotInText}\n", "intake.csv", WriteOrigin.Intake, apply: true, "admin@example.org", "北川工业园区", Ct);

        Assert.Equal("intake.csv:2: quote: quote does not stand verbatim in the text of source beichuan-2024", Assert.Single(result.Errors).ToString());
        Assert.False(result.Applied);
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Fact]
    public async Task SaveEntries_QuoteNotInTheChosenSourcesText_IsRefusedNamingTheIndicator()
    {
        var (_, row, source) = await InvestmentRowAsync();
        using var ui = new UICulture("zh-CN");

        var outcome = await Editor.SaveAsync("beichuan", 2023, [Change(row, source, "园区投资5亿元")], "admin@example.org", Ct);

        Assert.False(outcome.Saved);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((row.IndicatorId, $"{row.NameZh}：{NotInTextReason}"), (error.IndicatorId, error.Message));
        Assert.Null((await InvestmentRowAsync()).Row.Value);
    }

    [Fact]
    public async Task SaveEntries_NoQuoteForASourceWithText_IsRefusedNamingTheIndicator()
    {
        var (_, row, source) = await InvestmentRowAsync();
        using var ui = new UICulture("en-US");

        var outcome = await Editor.SaveAsync("beichuan", 2023, [Change(row, source, quote: null)], "admin@example.org", Ct);

        Assert.Equal($"{row.NameEn}: source beichuan-2024 has a text: a quote from it is required", Assert.Single(outcome.Errors).Message);
        Assert.Null((await InvestmentRowAsync()).Row.Value);
    }

    [Fact]
    public async Task SaveEntries_QuoteStandingInTheSourcesText_IsSavedWithIt()
    {
        var (_, row, source) = await InvestmentRowAsync();

        var outcome = await Editor.SaveAsync("beichuan", 2023, [Change(row, source, "园区完成固定资产投资20亿元")], "admin@example.org", Ct);

        Assert.True(outcome.Saved);
        Assert.Equal("园区完成固定资产投资20亿元", (await InvestmentRowAsync()).Row.Quote);
    }

    private FigureEditor Editor => new(Database.Contexts, Database.Writer);

    /// <summary>Beichuan's 2023 row of industrial investment (which the seed does not hold) and the beichuan-2024 article.</summary>
    private async Task<(EntryGrid Grid, EntryRow Row, SourceOption Source)> InvestmentRowAsync()
    {
        var grid = await Editor.LoadAsync("beichuan", 2023, Ct);
        return (grid, grid.Rows.Single(r => r.IndicatorCode == "industrial_investment"), grid.Sources.Single(s => s.Code == "beichuan-2024"));
    }

    private static EntryChange Change(EntryRow row, SourceOption source, string? quote) =>
        new(row.IndicatorId, row.ObservationId, row.Version, 5, Qualifier.Exact, null, source.Id, null, quote);
}
