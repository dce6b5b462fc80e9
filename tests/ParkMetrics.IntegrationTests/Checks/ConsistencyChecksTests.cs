using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Checks;

/// <summary>The checks over the seed on a real PostgreSQL: the same findings as the seed files give, candidates' new findings, and nothing written.</summary>
public sealed class ConsistencyChecksTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Articles => Directory.Exists(RepositoryPaths.Articles) ? RepositoryPaths.Articles : null;

    private ConsistencyChecks Checks => new(Database.Contexts);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed, Articles);
    }

    [Fact]
    public async Task RunAsync_Seed_FindsWhatTheSeedFilesGiveWithTheStoredFigures()
    {
        var seed = SeedSet.Load(RepositoryPaths.Seed, Articles);
        var catalog = CheckCatalog.From(seed);
        var fromFiles = ConsistencyChecks.Evaluate([.. seed.Observations.Select((r, i) => ConsistencyChecks.FromRow(r, i + 1, catalog)!)], catalog,
            id => seed.Sources[id - 1].Text);

        var report = await Checks.RunAsync(Ct);

        Assert.Equal(fromFiles.Select(f => (f.Key, f.Rule, f.Severity, f.SentenceZh, f.SentenceEn)), report.Findings.Select(f => (f.Key, f.Rule, f.Severity, f.SentenceZh, f.SentenceEn)));
        Assert.Equal(Articles is null ? 3 : 4, report.Findings.Count);
        Assert.Equal(seed.Observations.Count, report.FigureCount);
        await using var db = Database.CreateContext();
        var ids = report.Findings.SelectMany(f => f.Figures).Select(f => f.Figure.Id).Distinct().ToList();
        Assert.Equal(ids.Count, await db.Observations.CountAsync(o => ids.Contains(o.Id), Ct));
    }

    [Fact]
    public async Task RunAsync_AndEveryOtherCheck_ChangeNoStoredFigure()
    {
        var before = await Database.DumpAsync();

        var report = await Checks.RunAsync(Ct);
        await Checks.FindingsForAsync(report.Findings.SelectMany(f => f.Figures).Select(f => f.Figure.Id), Ct);
        await Checks.ForCandidatesAsync([Row("beichuan", "fixed_asset_investment", "year", 2022, "4.2", "亿元", "beichuan-2024", "固定资产投资4.2亿元")], Ct);

        Assert.Equal(before, await Database.DumpAsync());
    }

    private static ObservationRow Row(string park, string indicator, string kind, int year, string value, string unit, string source, string quote)
    {
        var reported = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        return new ObservationRow(park, null, indicator, EnumCode.Parse<PeriodKind>(kind), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), reported, value, unit,
            Qualifier.Exact, source, quote, unit == "亿元" ? reported * 10_000 : reported, "candidates.csv", 2);
    }

    [Fact]
    public async Task ForCandidatesAsync_RowThatContradictsStoredFigures_ReturnsOnlyTheFindingItAdds()
    {
        // 2022's 4.2亿元 beside the stored 2023 figure (20亿元) and its growth (257%): 20/4.2 is 376% more. (A 2022 printed as 5亿元
        // would be silent: 4.5–5.5亿元 into 19.5–20.5亿元 holds 257%.)
        var added = await Checks.ForCandidatesAsync([Row("beichuan", "fixed_asset_investment", "year", 2022, "4.2", "亿元", "beichuan-2024", "固定资产投资4.2亿元")], Ct);

        var finding = Assert.Single(added);
        Assert.Equal(CheckRule.Growth, finding.Rule);
        Assert.Equal(376.2, Math.Round(finding.ExpectedValue, 1));
        Assert.Single(finding.Figures, f => f.Figure.IsCandidate);
        Assert.Equal(2, finding.Figures.Count(f => f.Figure.Id > 0));
    }

    [Fact]
    public async Task ForCandidatesAsync_RowsThatAgreeOrReplaceAFigureAlreadyInAFinding_AddNothing()
    {
        Assert.Empty(await Checks.ForCandidatesAsync([Row("beichuan", "fixed_asset_investment", "year", 2022, "5.6", "亿元", "beichuan-2024", "固定资产投资5.6亿元")], Ct));
        // The stored 157亿元 again: its finding is there already, so it is not new.
        Assert.Empty(await Checks.ForCandidatesAsync([new ObservationRow("dongchuan", null, "fixed_asset_investment", PeriodKind.PlanCumulative,
            new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), 157, "157", "亿元", Qualifier.Exact, "dongchuan-fyp14", "固定资产投资累计完成157亿元", 1_570_000, "c.csv", 2)], Ct));
    }

    [Fact]
    public async Task ForCandidatesAsync_AnUploadsPreviewedRows_WarnBeforeAnythingIsApplied()
    {
        var csv = """
            park,subject,indicator,period_kind,period_start,period_end,value,unit,qualifier,source,quote
            dongchuan,,industrial_investment,year,2021-01-01,2021-12-31,120,亿元,exact,dongchuan-fyp14,吸引120余家大型企业前往园区考察投资兴业
            """;
        var upload = new ObservationUpload(Database.Contexts, Database.Writer);
        var before = await Database.DumpAsync();

        var preview = await upload.ProcessAsync(Encoding.UTF8.GetBytes(csv), "2021.csv", apply: false, "admin@example.org", Ct);
        var findings = await Checks.ForCandidatesAsync([.. preview.Rows.Select(r => r.Row)], Ct);

        Assert.Empty(preview.Errors);
        var finding = Assert.Single(findings); // one year, 2021, already above the plan's whole total of 91.2亿元
        Assert.Equal((CheckRule.PlanTotal, Severity.Contradiction), (finding.Rule, finding.Severity));
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Fact]
    public async Task FindingsForAsync_FiguresInFindings_GetTheirFindings_OthersNone()
    {
        await using var db = Database.CreateContext();
        var total = await db.Observations.SingleAsync(o => o.Park.Code == "dongchuan" && o.Indicator.Code == "fixed_asset_investment", Ct);
        var unrelated = await db.Observations.FirstAsync(o => o.Indicator.Code == "air_quality_good_rate", Ct);

        var marks = await Checks.FindingsForAsync([total.Id, unrelated.Id], Ct);

        Assert.Equal([total.Id], marks.Keys);
        Assert.Equal(CheckRule.Components, Assert.Single(marks[total.Id]).Rule);
    }

    [Fact]
    public async Task ReportAsync_AfterAWrite_IsRunAgain()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        using var cache = new QueryCache(memory);
        var checks = new ConsistencyChecks(Database.Contexts, cache);
        var writer = new FigureWriter(Database.Contexts, cache);
        var first = await checks.ReportAsync(Ct);
        Assert.Same(first, await checks.ReportAsync(Ct));

        // Correcting 非工投资 to what 157 − 91.2 leaves settles the investment finding.
        var fix = new ObservationRow("dongchuan", null, "non_industrial_investment", PeriodKind.PlanCumulative, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31),
            65.8m, "65.8", "亿元", Qualifier.Exact, "dongchuan-fyp14", "非工投资47.8亿元", 658_000, "fix.csv", 2);
        await writer.WriteRowsAsync([fix], new RowsWrite(WriteOrigin.Upload, "admin@example.org", "fix.csv", null, Apply: true), Ct);
        var second = await checks.ReportAsync(Ct);

        Assert.NotSame(first, second);
        Assert.Equal(first.Findings.Count - 1, second.Findings.Count);
        Assert.DoesNotContain(second.Findings, f => f.Rule == CheckRule.Components);
    }
}
