using System.Diagnostics;
using System.Text;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Seeding;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>
/// Files made to be expensive: each is refused with its first 1,000 errors and a line saying where checking stopped, in
/// a time that does not grow with the square of its errors, and nothing is written.
/// </summary>
public sealed class HostileFileTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const string Header = "park,subject,indicator,period_kind,period_start,period_end,value,unit,qualifier,source,quote";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_FiveMegabytesOfXLines_IsRefusedWithTheFirstThousandErrorsInUnderTwoSeconds()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        var upload = new ObservationUpload(Database.Contexts, Database.Writer);
        var body = new StringBuilder(Header + "\n");
        while (body.Length + 2 <= ObservationUpload.MaxBytes) body.Append("x\n");
        var content = Encoding.UTF8.GetBytes(body.ToString());
        var lines = body.Length / 2;

        var clock = Stopwatch.StartNew();
        var result = await upload.ProcessAsync(content, "x.csv", apply: true, "drill@example.org", Ct);
        var elapsed = clock.Elapsed;

        DrillReport.Record($"upload of {content.Length / 1024.0 / 1024:0.0} MB of `x` lines ({lines:N0} rows): refused with {result.Errors.Count - 1:N0} errors " +
            $"and a count in {elapsed.TotalSeconds:0.00} s (target: under 2 s)");
        Assert.False(result.Applied);
        Assert.Equal(SeedErrors.Limit + 1, result.Errors.Count);
        Assert.Contains("未检查", result.Errors[^1].Reason, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed}");
    }

    [Fact]
    public async Task Import_AMillionRowsWithABadUnitEach_IsRefusedInUnderAMinute()
    {
        await Database.SeedAsync(RepositoryPaths.Seed);
        using var folder = SeedFolder.CopyOfRealSeed();
        var file = folder.FileOf("million.csv");
        const int rows = 1_000_000;
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync(Header);
            for (var i = 0; i < rows; i++)
            {
                var day = new DateOnly(2000, 1, 1).AddDays(i % 9000);
                await writer.WriteLineAsync($"beichuan,,fixed_asset_investment,point,{day:yyyy-MM-dd},{day:yyyy-MM-dd},20,斤,exact,beichuan-2024,园区完成固定资产投资20亿元");
            }
        }
        var before = await Database.DumpAsync();

        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<SeedValidationException>(() => Database.Writer.ImportAsync(file, "drill", Ct));
        var elapsed = clock.Elapsed;

        DrillReport.Record($"import of {rows:N0} rows with an unknown unit on each ({new FileInfo(file).Length / 1024 / 1024} MB): refused with " +
            $"{refused.Errors.Count - 1:N0} errors and a count in {elapsed.TotalSeconds:0.0} s (target: under 60 s)");
        Assert.Equal(SeedErrors.Limit + 1, refused.Errors.Count);
        Assert.All(refused.Errors.SkipLast(1), e => Assert.Equal("unit", e.Field));
        Assert.Contains($"{rows - SeedErrors.Limit:D}", refused.Errors[^1].Reason, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"took {elapsed}");
        Assert.Equal(before, await Database.DumpAsync());
    }
}
