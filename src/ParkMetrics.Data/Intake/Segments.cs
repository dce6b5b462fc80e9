namespace ParkMetrics.Data.Intake;

/// <summary>
/// The sentences and clauses of a reading. A clause runs from one punctuation mark to the next (，；。：！？ and line
/// ends); 、 lists items inside a clause and does not end it. An ASCII comma between digits (1,234) is a thousands separator.
/// </summary>
internal sealed class Segments
{
    private readonly int[] sentenceStarts;
    private readonly int[] clauseStarts;
    private readonly string reading;

    public Segments(string reading)
    {
        this.reading = reading;
        var sentences = new List<int> { 0 };
        var clauses = new List<int> { 0 };
        for (var i = 0; i < reading.Length; i++)
        {
            var c = reading[i];
            if (IsSentenceEnd(reading, i))
            {
                sentences.Add(i + 1);
                clauses.Add(i + 1);
            }
            else if (IsClauseEnd(reading, i)) clauses.Add(i + 1);
        }
        sentenceStarts = [.. sentences.Distinct()];
        clauseStarts = [.. clauses.Distinct()];
    }

    public (int Start, int End) SentenceAt(int index) => Around(sentenceStarts, index);

    /// <summary>Where the sentence holding <paramref name="index"/> starts when ；does not end sentences (an enumeration runs across it).</summary>
    public int FullSentenceStart(int index)
    {
        var i = index - 1;
        while (i >= 0 && reading[i] is not ('。' or '！' or '？' or '!' or '?' or '\n')) i--;
        return i + 1;
    }

    public (int Start, int End) ClauseAt(int index) => Around(clauseStarts, index);

    /// <summary>The clause before the one holding <paramref name="index"/> in the same sentence, if there is one.</summary>
    public (int Start, int End)? PreviousClause(int index)
    {
        var (start, _) = ClauseAt(index);
        var sentence = SentenceAt(index);
        if (start <= sentence.Start) return null;
        return ClauseAt(start - 1);
    }

    private (int Start, int End) Around(int[] starts, int index)
    {
        var i = Array.BinarySearch(starts, index);
        if (i < 0) i = ~i - 1;
        var start = starts[Math.Max(0, i)];
        var end = i + 1 < starts.Length ? starts[i + 1] : reading.Length;
        // Without its closing punctuation and surrounding blanks.
        while (end > start && IsBoundaryChar(reading[end - 1])) end--;
        while (start < end && char.IsWhiteSpace(reading[start])) start++;
        return (start, end);
    }

    private static bool IsBoundaryChar(char c) => c is '，' or ',' or '；' or ';' or '。' or '：' or ':' or '！' or '!' or '？' or '?' or '\n' or ' ' or '…';

    private static bool IsSentenceEnd(string s, int i) => s[i] switch
    {
        '。' or '！' or '？' or '!' or '?' or '；' or ';' or '\n' => true,
        '…' => i + 1 < s.Length && s[i + 1] != '…',
        _ => false,
    };

    private static bool IsClauseEnd(string s, int i) => s[i] switch
    {
        '，' or '：' or ':' => true,
        ',' => !(i > 0 && char.IsAsciiDigit(s[i - 1]) && i + 3 < s.Length && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2])
                 && char.IsAsciiDigit(s[i + 3]) && (i + 4 >= s.Length || !char.IsAsciiDigit(s[i + 4]))),
        _ => false,
    };
}
