using ParkMetrics.Data.Checks;

namespace ParkMetrics.Tests.Checks;

public sealed class SeedFindingsTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluate_RealSeed_PrintsFindings()
    {
        foreach (var f in SeedChecks.Findings)
        {
            output.WriteLine($"{f.Rule} {f.Severity} expected {f.Expected} reported {f.Reported}");
            output.WriteLine("  " + f.SentenceZh);
            output.WriteLine("  " + f.SentenceEn);
        }
        Assert.NotEmpty(SeedChecks.Findings);
    }
}
