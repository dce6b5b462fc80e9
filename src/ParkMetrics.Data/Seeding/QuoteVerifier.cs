namespace ParkMetrics.Data.Seeding;

/// <summary>Checks that every observation's quote stands verbatim in its source article and holds the reported number.</summary>
public static class QuoteVerifier
{
    public static IReadOnlyList<SeedError> Verify(SeedSet seed, string articlesDirectory)
    {
        var errors = new List<SeedError>();
        var articles = new Dictionary<string, string?>();
        foreach (var source in seed.Sources)
        {
            var path = Path.Combine(articlesDirectory, source.File);
            articles[source.Code] = File.Exists(path) ? File.ReadAllText(path) : null;
        }
        foreach (var o in seed.Observations)
        {
            var file = seed.Sources.First(s => s.Code == o.Source).File;
            if (articles[o.Source] is not { } text) errors.Add(new SeedError(o.File, o.Line, "source", Reason.ArticleMissing(file)));
            else if (!text.Contains(o.Quote, StringComparison.Ordinal)) errors.Add(new SeedError(o.File, o.Line, "quote", Reason.QuoteNotInArticle(file)));
            else if (!o.Quote.Contains(o.ReportedValueText, StringComparison.Ordinal)) errors.Add(new SeedError(o.File, o.Line, "quote", Reason.QuoteLacksValue(o.ReportedValueText)));
        }
        return errors;
    }
}
