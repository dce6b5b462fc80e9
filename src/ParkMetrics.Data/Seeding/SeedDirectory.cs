namespace ParkMetrics.Data.Seeding;

public static class SeedDirectory
{
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
}
