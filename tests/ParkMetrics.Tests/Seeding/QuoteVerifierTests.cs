using ParkMetrics.Data.Seeding;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Seeding;

public sealed class QuoteVerifierTests : IDisposable
{
    private readonly string articles = Path.Combine(Path.GetTempPath(), "parkmetrics-tests", "articles-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Verify_RealSeedAgainstSharedArticles_FindsNoProblems()
    {
        if (!Directory.Exists(RepositoryPaths.Articles))
            Assert.Skip($"The article texts are not beside this checkout ({RepositoryPaths.Articles} does not exist).");
        var seed = SeedSet.Load(RepositoryPaths.Seed, RepositoryPaths.Articles);

        var problems = QuoteVerifier.Verify(seed);

        Assert.Empty(problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Verify_ArticlesHoldingEveryQuote_FindsNoProblems()
    {
        WriteArticles(SeedSet.Load(RepositoryPaths.Seed), skip: null);

        Assert.Empty(QuoteVerifier.Verify(SeedSet.Load(RepositoryPaths.Seed, articles)));
    }

    [Fact]
    public void Verify_QuoteMissingFromItsArticle_ReportsThatLine()
    {
        var dropped = SeedSet.Load(RepositoryPaths.Seed).Observations[^1];
        WriteArticles(SeedSet.Load(RepositoryPaths.Seed), skip: dropped);
        var seed = SeedSet.Load(RepositoryPaths.Seed, articles);
        var file = seed.Sources.Single(s => s.Code == dropped.Source).File;
        using var ui = new UICulture("en-US");

        var problem = Assert.Single(QuoteVerifier.Verify(seed), p => p.Line == dropped.Line);

        Assert.Equal(new SeedError("observations.csv", dropped.Line, "quote", $"quote is not in article {file}"), problem);
    }

    [Fact]
    public void Verify_ArticleFileMissing_ReportsEveryObservationOfThatSource()
    {
        WriteArticles(SeedSet.Load(RepositoryPaths.Seed), skip: null);
        var missing = SeedSet.Load(RepositoryPaths.Seed).Sources[0];
        File.Delete(Path.Combine(articles, missing.File!));
        var seed = SeedSet.Load(RepositoryPaths.Seed, articles);
        using var ui = new UICulture("zh-CN");

        var problems = QuoteVerifier.Verify(seed);

        Assert.Equal(
            seed.Observations.Where(o => o.Source == missing.Code).Select(o => $"observations.csv:{o.Line}: source: 找不到文章 {missing.File}"),
            problems.Select(p => p.ToString()));
    }

    public void Dispose()
    {
        if (Directory.Exists(articles)) Directory.Delete(articles, recursive: true);
    }

    /// <summary>Writes one stand-in article per source, holding the quotes of its observations on lines of their own.</summary>
    private void WriteArticles(SeedSet seed, ObservationRow? skip)
    {
        Directory.CreateDirectory(articles);
        foreach (var source in seed.Sources)
        {
            var quotes = seed.Observations.Where(o => o.Source == source.Code && o.Quote != skip?.Quote).Select(o => o.Quote);
            File.WriteAllLines(Path.Combine(articles, source.File!), quotes);
        }
    }
}
