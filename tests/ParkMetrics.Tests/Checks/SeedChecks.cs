using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Checks;

/// <summary>The real seed, with its articles' texts where the folder is there, as the checks see it without a database.</summary>
internal static class SeedChecks
{
    private static readonly Lazy<(SeedSet Seed, CheckCatalog Catalog, IReadOnlyList<Finding> Findings)> Loaded = new(() =>
    {
        var seed = SeedSet.Load(RepositoryPaths.Seed, Directory.Exists(RepositoryPaths.Articles) ? RepositoryPaths.Articles : null);
        var catalog = CheckCatalog.From(seed);
        var figures = seed.Observations.Select((r, i) => ConsistencyChecks.FromRow(r, i + 1, catalog)!).ToList();
        return (seed, catalog, ConsistencyChecks.Evaluate(figures, catalog, id => seed.Sources[id - 1].Text));
    });

    public static SeedSet Seed => Loaded.Value.Seed;

    public static CheckCatalog Catalog => Loaded.Value.Catalog;

    public static IReadOnlyList<Finding> Findings => Loaded.Value.Findings;

    /// <summary>东川's 十四五 固定资产投资 of 157亿元 against its components 91.2 + 47.8亿元: the seed's plainest contradiction.</summary>
    public static Finding DongchuanInvestment => Findings.Single(f => f.Rule == CheckRule.Components
        && f.Figures.Any(x => x.Role == FigureRole.Total && x.Figure.IndicatorCode == "fixed_asset_investment"));

    public static bool HasArticles => Seed.Sources.Any(s => s.Text is not null);
}
