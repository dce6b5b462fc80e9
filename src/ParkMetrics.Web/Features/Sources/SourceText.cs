using System.Text;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Web.Features.Sources;

public enum RunKind { Plain, Quote, Number }

/// <summary>A stretch of a source's text shown one way: plain, inside a figure's quote, or the figure's number itself.</summary>
public sealed record TextRun(string Text, RunKind Kind);

/// <summary>
/// A source's stored text made readable. Line breaks in a stored text are the hard wraps of a newspaper column: lines
/// are joined into paragraphs, which end at blank lines. A figure's quote is found where it stands verbatim and its
/// number marked, as in the figure's dialog.
/// </summary>
public static class SourceText
{
    /// <summary>How far the sentence around a quote may reach on either side before it is cut with an ellipsis.</summary>
    public const int SentenceReach = 160;

    private const string SentenceEnds = "。！？!?；;…";

    /// <summary>The paragraphs of <paramref name="text"/>, the quote (where it stands in the text) and its number marked.</summary>
    public static IReadOnlyList<IReadOnlyList<TextRun>> Paragraphs(string text, string? quote = null, decimal? number = null)
    {
        var marks = Marks.Find(text, quote, number);
        var paragraphs = new List<IReadOnlyList<TextRun>>();
        var lines = new List<(int Start, int End)>();
        foreach (var line in Lines(text))
        {
            if (!string.IsNullOrWhiteSpace(text[line.Start..line.End])) { lines.Add(line); continue; }
            if (lines.Count > 0) paragraphs.Add(Join(text, lines, marks));
            lines.Clear();
        }
        if (lines.Count > 0) paragraphs.Add(Join(text, lines, marks));
        return paragraphs;
    }

    /// <summary>
    /// The sentence holding the quote, from the end of the sentence before it to the end of its own (never past a
    /// paragraph), hard wraps joined; null when the quote does not stand in the text.
    /// </summary>
    public static IReadOnlyList<TextRun>? Sentence(string text, string quote, decimal number)
    {
        var marks = Marks.Find(text, quote, number);
        if (marks.QuoteStart < 0) return null;
        var start = marks.QuoteStart;
        while (start > 0 && marks.QuoteStart - start < SentenceReach && !SentenceEnds.Contains(text[start - 1]) && !BlankLineBefore(text, start)) start--;
        var end = marks.QuoteEnd;
        while (end < text.Length && end - marks.QuoteEnd < SentenceReach && !SentenceEnds.Contains(text[end - 1]) && !BlankLineBefore(text, end)) end++;
        while (end < text.Length && end > marks.QuoteEnd && SentenceEnds.Contains(text[end - 1]) && end - marks.QuoteEnd < SentenceReach && SentenceEnds.Contains(text[end])) end++; // ……, ！？
        var lines = Lines(text).Select(l => (Math.Max(l.Start, start), Math.Min(l.End, end))).Where(l => l.Item1 < l.Item2).ToList();
        var runs = Join(text, lines, marks);
        if (start > 0 && marks.QuoteStart - start >= SentenceReach) runs.Insert(0, new TextRun("…", RunKind.Plain));
        if (end < text.Length && end - marks.QuoteEnd >= SentenceReach) runs.Add(new TextRun("…", RunKind.Plain));
        return runs;
    }

    /// <summary>Where the quote and its number stand in the text, as offsets (-1 when the quote is not there).</summary>
    private readonly record struct Marks(int QuoteStart, int QuoteEnd, int NumberStart, int NumberEnd)
    {
        public static Marks Find(string text, string? quote, decimal? number)
        {
            var at = string.IsNullOrEmpty(quote) ? -1 : text.IndexOf(quote, StringComparison.Ordinal);
            if (at < 0) return new(-1, -1, -1, -1);
            var inQuote = number is { } n ? FigureText.NumberIndex(quote!, n) : -1;
            return inQuote < 0
                ? new(at, at + quote!.Length, -1, -1)
                : new(at, at + quote!.Length, at + inQuote, at + inQuote + FigureText.Number(number!.Value).Length);
        }

        public RunKind KindAt(int offset) =>
            offset >= NumberStart && offset < NumberEnd ? RunKind.Number : offset >= QuoteStart && offset < QuoteEnd ? RunKind.Quote : RunKind.Plain;
    }

    /// <summary>Each line's content as offsets, without its line end (\n, \r\n or \r).</summary>
    private static IEnumerable<(int Start, int End)> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            yield return (start, i);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        yield return (start, text.Length);
    }

    private static bool BlankLineBefore(string text, int offset)
    {
        // A blank line ends right before offset: two line ends with only spaces between them.
        var breaks = 0;
        for (var i = offset - 1; i >= 0; i--)
        {
            if (text[i] == '\n') breaks++;
            else if (text[i] == '\r') { if (i + 1 >= text.Length || text[i + 1] != '\n') breaks++; }
            else if (!char.IsWhiteSpace(text[i])) return false;
            if (breaks >= 2) return true;
        }
        return false;
    }

    /// <summary>
    /// Lines joined into one paragraph: trimmed of the column's indents, and joined without a space (Chinese), or with
    /// one where the break falls between two Latin words.
    /// </summary>
    private static List<TextRun> Join(string text, IReadOnlyList<(int Start, int End)> lines, Marks marks)
    {
        var runs = new List<TextRun>();
        var current = new StringBuilder();
        var kind = RunKind.Plain;
        void Add(char c, RunKind k)
        {
            if (k != kind && current.Length > 0) { runs.Add(new TextRun(current.ToString(), kind)); current.Clear(); }
            kind = k;
            current.Append(c);
        }
        var previousEnd = -1;
        foreach (var (lineStart, lineEnd) in lines)
        {
            var (start, end) = (lineStart, lineEnd);
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (start == end) continue;
            if (previousEnd >= 0 && IsLatin(text[previousEnd - 1]) && IsLatin(text[start]))
                Add(' ', marks.KindAt(previousEnd) == marks.KindAt(start) ? marks.KindAt(start) : RunKind.Plain);
            for (var i = start; i < end; i++) Add(text[i], marks.KindAt(i));
            previousEnd = end;
        }
        if (current.Length > 0) runs.Add(new TextRun(current.ToString(), kind));
        return runs;
    }

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c) || c is ',' or '.' or ';' or ':' or ')' or '(';
}
