using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Intake;

/// <summary>
/// A figure's quote: the whole clause that holds its number, from the punctuation before it to the punctuation after
/// (、 lists items inside a clause and does not end it), verbatim from the text with its wraps; a clause longer than
/// <see cref="SeedSet.MaxQuoteLength"/> characters is cut around the number where a list item ends.
/// </summary>
public static class ClauseQuote
{
    /// <summary>The quote for the number printed at [<paramref name="numberStart"/>, +<paramref name="numberLength"/>) of <paramref name="text"/>.</summary>
    public static (string Quote, int Start) Around(string text, int numberStart, int numberLength)
    {
        var report = ReportText.Read(text);
        var start = report.ReadingIndex(numberStart);
        var end = report.ReadingIndex(numberStart + numberLength - 1) + 1;
        return Cut(report, new Segments(report.Reading).ClauseAt(start), start, end);
    }

    internal static (string Quote, int Start) Cut(ReportText report, (int Start, int End) clause, int numberStart, int numberEnd)
    {
        const int max = SeedSet.MaxQuoteLength;
        var (start, end) = clause;
        if (report.OriginalSpan(start, end).Length > max)
        {
            var half = (max - (numberEnd - numberStart)) / 2;
            start = Math.Max(clause.Start, numberStart - half);
            end = Math.Min(clause.End, numberEnd + half);
            var cut = report.Reading.IndexOf('、', start, numberStart - start);
            if (cut >= 0 && cut + 1 < numberStart) start = cut + 1;
            var cutEnd = report.Reading.LastIndexOf('、', end - 1, end - numberEnd);
            if (cutEnd > numberEnd) end = cutEnd;
            while (report.OriginalSpan(start, end).Length > max && end > numberEnd) end--;
            while (report.OriginalSpan(start, end).Length > max && start < numberStart) start++;
        }
        return (report.OriginalSpan(start, end), report.OriginalIndex(start));
    }
}
