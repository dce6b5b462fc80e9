namespace ParkMetrics.Data.Seeding;

public static class SeedDirectory
{
    public const string ArticlesVariable = "PARKMETRICS_ARTICLES";

    /// <summary>
    /// The reviewable seed in a checkout (<c>data/seed</c> above the working directory), else the copy built next to
    /// the program.
    /// </summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "seed");
            if (File.Exists(Path.Combine(candidate, "observations.csv"))) return candidate;
        }
        return Path.Combine(AppContext.BaseDirectory, "seed");
    }

    /// <summary>
    /// The folder holding the seed articles' texts: <c>PARKMETRICS_ARTICLES</c>, else <c>../shared/seeds</c> beside the
    /// checkout that holds <paramref name="seedDirectory"/>; null when that folder does not exist. The repository does
    /// not copy the articles.
    /// </summary>
    public static string? FindArticles(string seedDirectory)
    {
        var configured = Environment.GetEnvironmentVariable(ArticlesVariable);
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(seedDirectory, "..", "..", "..", "shared", "seeds"))
            : Path.GetFullPath(configured);
        return Directory.Exists(folder) ? folder : null;
    }
}
