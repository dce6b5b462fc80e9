namespace ParkMetrics.Testing;

/// <summary>Folders of the checkout the tests run from, found by walking up to <c>ParkMetrics.sln</c>.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>The reviewable seed, <c>data/seed</c>.</summary>
    public static string Seed => Path.Combine(Root, "data", "seed");

    /// <summary>The article texts the seed quotes, kept beside the repository in <c>../shared/seeds</c> where present.</summary>
    public static string Articles => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParkMetrics.sln"))) return dir.FullName;
        throw new InvalidOperationException($"ParkMetrics.sln was not found above {AppContext.BaseDirectory}.");
    }
}
