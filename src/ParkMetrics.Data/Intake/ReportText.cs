using System.Text;

namespace ParkMetrics.Data.Intake;

/// <summary>
/// A report's text as the intake reads it, beside the text as given. The reading is simplified (OpenCC), has ASCII
/// digits, and drops the hard wraps and stray spaces a newspaper column or a PDF puts inside sentences
/// (<c>完成规上产值 338 亿元</c>, <c>67.71万\n吨</c>). Every character of the reading knows where it stands in the original,
/// so a clause found in the reading is cut verbatim from the original.
/// </summary>
public sealed class ReportText
{
    /// <summary>Sentence ends: a line break after one of these is a real one.</summary>
    private const string SentenceEnds = "。！？!?；;…：:";

    private readonly int[] origin;

    public string Original { get; }
    public string Reading { get; }

    /// <summary>Where a paragraph starts in the reading (the original had a line break there that is not a wrap).</summary>
    public IReadOnlyList<int> ParagraphStarts { get; }

    private ReportText(string original, string reading, int[] origin, IReadOnlyList<int> paragraphStarts)
    {
        Original = original;
        Reading = reading;
        this.origin = origin;
        ParagraphStarts = paragraphStarts;
        typicalLine = new(() =>
        {
            var lengths = original.Split('\n').Select(l => l.Trim().Length).Where(l => l > 0).Order().ToList();
            return lengths.Count == 0 ? 0 : lengths[lengths.Count * 3 / 4];
        });
    }

    public static ReportText Read(string original)
    {
        var simplified = ChineseScript.ToSimplified(original);
        var reading = new StringBuilder(original.Length);
        var origin = new List<int>(original.Length + 1);
        var paragraphs = new List<int> { 0 };
        var lineIsHeading = IsHeadingLine(original, 0);
        for (var i = 0; i < simplified.Length; i++)
        {
            var c = simplified[i];
            if (c is '\n' or '\r' || IsBlank(c))
            {
                var end = i;
                var hasBreak = false;
                while (end < simplified.Length && (simplified[end] is '\n' or '\r' || IsBlank(simplified[end])))
                {
                    hasBreak |= simplified[end] == '\n';
                    end++;
                }
                var before = reading.Length > 0 ? reading[^1] : '\n';
                var after = end < simplified.Length ? Normalize(simplified[end]) : '\n';
                if (hasBreak)
                {
                    var nextIsHeading = IsHeadingLine(original, end);
                    if (lineIsHeading || nextIsHeading || OpensItem(simplified, end) || EndsSentence(reading) || reading.Length == 0)
                    {
                        if (reading.Length > 0 && paragraphs[^1] != reading.Length)
                        {
                            reading.Append('\n');
                            origin.Add(i);
                            paragraphs.Add(reading.Length);
                        }
                    }
                    lineIsHeading = nextIsHeading;
                }
                else if (KeepsSpace(before, after))
                {
                    reading.Append(' ');
                    origin.Add(i);
                }
                i = end - 1;
                continue;
            }
            reading.Append(Normalize(c));
            origin.Add(i);
        }
        origin.Add(original.Length);
        return new ReportText(original, reading.ToString(), [.. origin], paragraphs);
    }

    /// <summary>
    /// Whether the reading position stands in a title: a line of its own, at most 40 characters without a comma or a
    /// full stop, after a line that ended a sentence (or a blank line), and shorter than the column's usual line, so that
    /// a wrapped line of a narrow column is not taken for one.
    /// </summary>
    public bool IsInTitle(int readingIndex)
    {
        var at = OriginalIndex(readingIndex);
        var start = at > 0 ? Original.LastIndexOf('\n', at - 1) + 1 : 0;
        var end = Original.IndexOf('\n', at);
        if (end < 0) end = Original.Length;
        var line = Original[start..end].Trim();
        if (line.StartsWith('#')) return true;
        if (line.Length is 0 or > 40 || line.IndexOfAny(['，', ',', '。', '；', ';']) >= 0) return false;
        var previousEnd = start - 1;
        while (previousEnd > 0 && char.IsWhiteSpace(Original[previousEnd - 1]) && Original[previousEnd - 1] != '\n') previousEnd--;
        var previousStart = previousEnd > 0 ? Original.LastIndexOf('\n', previousEnd - 1) + 1 : 0;
        var previous = previousEnd > 0 ? Original[previousStart..previousEnd].Trim() : "";
        var afterSentence = previous.Length == 0 || SentenceEnds.Contains(previous[^1]) || previous.StartsWith('#')
            || (previous.Length > 1 && previous[^1] is '”' or '」' or '）' && SentenceEnds.Contains(previous[^2]));
        return afterSentence && line.Length < 0.8 * typicalLine.Value;
    }

    private readonly Lazy<double> typicalLine;

    /// <summary>The original index of reading position <paramref name="readingIndex"/> (the text's length at the end).</summary>
    public int OriginalIndex(int readingIndex) => origin[Math.Clamp(readingIndex, 0, origin.Length - 1)];

    /// <summary>The reading position of original index <paramref name="originalIndex"/> (of the next kept character when that one was dropped).</summary>
    public int ReadingIndex(int originalIndex)
    {
        int low = 0, high = origin.Length - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (origin[mid] < originalIndex) low = mid + 1; else high = mid;
        }
        return low;
    }

    /// <summary>The original text behind reading range [<paramref name="start"/>, <paramref name="end"/>): verbatim, wraps included.</summary>
    public string OriginalSpan(int start, int end)
    {
        if (end <= start) return "";
        var from = OriginalIndex(start);
        var to = OriginalIndex(end - 1) + 1;
        return Original[from..to];
    }

    private static bool EndsSentence(StringBuilder reading)
    {
        if (reading.Length == 0) return true;
        var last = reading[^1];
        if (SentenceEnds.Contains(last)) return true;
        // 。” and ！” end a sentence; a closing quote alone (“增”\n出新动能) does not.
        return last is '”' or '」' or '』' or '）' or ')' && reading.Length > 1 && SentenceEnds.Contains(reading[^2]);
    }

    /// <summary>A markdown heading (<c># 标题</c>) stands on its own line: no wrap joins it to the text around it.</summary>
    private static bool IsHeadingLine(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && IsBlank(text[i])) i++;
        return i < text.Length && text[i] == '#';
    }

    /// <summary>A line that opens a news item (本报讯, 本报记者) or a section (【招商引资促发展】) starts a paragraph.</summary>
    private static bool OpensItem(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && IsBlank(text[i])) i++;
        return text.AsSpan(i).StartsWith("【") || Lexicon.NewsItemMarkers.Any(m => m.Length > 2 && string.CompareOrdinal(text, i, m, 0, m.Length) == 0);
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' or '\u200B' or '\uFEFF';

    /// <summary>A space stays only between two Latin letters or two digits (Blue Sky, 100 200); CJK text needs none.</summary>
    private static bool KeepsSpace(char before, char after) =>
        (char.IsAsciiLetter(before) && char.IsAsciiLetter(after)) || (char.IsAsciiDigit(before) && char.IsAsciiDigit(after));

    /// <summary>Full-width digits and the full-width point and percent read as ASCII; other punctuation stays.</summary>
    public static char Normalize(char c) => c switch
    {
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        '．' => '.',
        '％' => '%',
        '＋' => '+',
        '－' => '-',
        _ => c,
    };
}
