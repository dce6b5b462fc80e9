namespace ParkMetrics.Data.Seeding;

/// <summary>Checks that every observation's quote stands verbatim in its source's text and holds the reported number.</summary>
public static class QuoteVerifier
{
    /// <summary>Every seed source must have its text (loaded from the articles folder) and every quote must stand in it.</summary>
    public static IReadOnlyList<SeedError> Verify(SeedSet seed)
    {
        var errors = new List<SeedError>();
        var sources = seed.Sources.ToDictionary(s => s.Code);
        foreach (var o in seed.Observations)
        {
            var source = sources[o.Source];
            var file = source.File ?? source.Code;
            if (source.Text is null) errors.Add(new SeedError(o.File, o.Line, "source", Reason.ArticleMissing(file)));
            else if (!StandsIn(o.Quote, source.Text)) errors.Add(new SeedError(o.File, o.Line, "quote", Reason.QuoteNotInArticle(file)));
            else if (!SeedSet.QuoteHolds(o.Quote, o.ReportedValueText)) errors.Add(new SeedError(o.File, o.Line, "quote", Reason.QuoteLacksValue(o.ReportedValueText)));
        }
        return errors;
    }

    /// <summary>Whether <paramref name="quote"/> stands verbatim (ordinal, same script, same line breaks) in <paramref name="text"/>.</summary>
    public static bool StandsIn(string quote, string text) => quote.Length > 0 && text.Contains(quote, StringComparison.Ordinal);
}
