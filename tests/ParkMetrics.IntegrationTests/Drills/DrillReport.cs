namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>
/// Figures a drill measured, for <c>scripts/drills</c> to put in docs/benchmarks.md: appended as lines to the file named
/// by <c>PARKMETRICS_DRILL_REPORT</c> when it is set, and written to the test's output either way.
/// </summary>
internal static class DrillReport
{
    public const string Variable = "PARKMETRICS_DRILL_REPORT";

    private static readonly Lock Writing = new();

    public static void Record(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return;
        lock (Writing) File.AppendAllText(path, line + Environment.NewLine);
    }
}
