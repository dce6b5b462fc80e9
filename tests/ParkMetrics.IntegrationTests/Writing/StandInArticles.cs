using ParkMetrics.Data.Seeding;

namespace ParkMetrics.IntegrationTests.Writing;

/// <summary>
/// An articles folder for the real seed, deleted on dispose: one file per source holding its quotes, each on a line of its
/// own, so that every seed quote stands in its source's text whether or not the real articles are beside the checkout.
/// </summary>
internal sealed class StandInArticles : IDisposable
{
    public StandInArticles(string seedDirectory, Func<ObservationRow, bool>? leaveOut = null)
    {
        Directory.CreateDirectory(Path);
        var seed = SeedSet.Load(seedDirectory);
        foreach (var source in seed.Sources.Where(s => s.File is not null))
            File.WriteAllLines(System.IO.Path.Combine(Path, source.File!),
                ["（替身原文）", .. seed.Observations.Where(o => o.Source == source.Code && leaveOut?.Invoke(o) != true).Select(o => o.Quote).Distinct()]);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parkmetrics-tests", "articles-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a temp folder left behind is harmless
    }
}
