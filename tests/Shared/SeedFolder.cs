using System.Text;

namespace ParkMetrics.Testing;

/// <summary>A throw-away copy of <c>data/seed</c> that a test may break, deleted on dispose.</summary>
internal sealed class SeedFolder : IDisposable
{
    private SeedFolder(string path) => Path = path;

    public string Path { get; }

    public static SeedFolder CopyOfRealSeed()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parkmetrics-tests", "seed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Seed, "*.csv"))
            File.Copy(file, System.IO.Path.Combine(path, System.IO.Path.GetFileName(file)));
        return new SeedFolder(path);
    }

    public string FileOf(string name) => System.IO.Path.Combine(Path, name);

    public (IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records) Read(string file) => Csv.ReadFile(FileOf(file));

    /// <summary>Appends <paramref name="record"/> as one line and returns the line number it lands on.</summary>
    public int Append(string file, CsvRecord record)
    {
        var text = File.ReadAllText(FileOf(file), Encoding.UTF8);
        if (text.Length > 0 && !text.EndsWith('\n')) text += "\n";
        var line = text.Count(c => c == '\n') + 1;
        File.WriteAllText(FileOf(file), text + Csv.Format(record.Values) + "\n", new UTF8Encoding(false));
        return line;
    }

    /// <summary>Keeps the header and the first <paramref name="count"/> records of <paramref name="file"/>.</summary>
    public void KeepFirst(string file, int count) => Rewrite(file, records => records.Take(count));

    /// <summary>Replaces the records of <paramref name="file"/> (header kept), one line each.</summary>
    public void Rewrite(string file, Func<IReadOnlyList<CsvRecord>, IEnumerable<CsvRecord>> records)
    {
        var (header, existing) = Read(file);
        var lines = new[] { Csv.Format(header) }.Concat(records(existing).Select(r => Csv.Format(r.Values)));
        File.WriteAllText(FileOf(file), string.Join('\n', lines) + "\n", new UTF8Encoding(false));
    }

    public void ReplaceHeader(string file, IEnumerable<string> header)
    {
        var lines = File.ReadAllLines(FileOf(file), Encoding.UTF8);
        lines[0] = Csv.Format(header);
        File.WriteAllLines(FileOf(file), lines, new UTF8Encoding(false));
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a temp folder left behind is harmless
    }
}
