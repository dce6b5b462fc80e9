using ParkMetrics.Benchmarks.Synthetic;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>The export tests that only read the seed share one app and database.</summary>
[CollectionDefinition(nameof(SeededExport))]
public sealed class SeededExport : ICollectionFixture<TestApp>;

/// <summary>The seed plus a synthetic set large enough that an export cannot finish before its client goes away.</summary>
public sealed class SyntheticExportApp(PostgresServer server) : TestApp(server)
{
    public const int Observations = 200_000;

    protected override async Task PrepareAsync()
    {
        await using var db = CreateContext();
        await SyntheticData.GenerateAsync(db, new SyntheticOptions(Parks: 40, Years: 12, Observations: Observations, Seed: 3));
    }
}
