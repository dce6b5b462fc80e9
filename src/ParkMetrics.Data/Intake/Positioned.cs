namespace ParkMetrics.Data.Intake;

/// <summary>
/// Things found in a reading (numbers, time expressions, mentions), in the order they start, with range lookups by
/// binary search: every figure asks what stands near it, and a long report must not make that cost grow with its length.
/// </summary>
internal sealed class Positioned<T>(IEnumerable<T> items, Func<T, int> startOf)
{
    private readonly List<T> items = [.. items.OrderBy(startOf)];

    public IReadOnlyList<T> All => items;

    /// <summary>The items starting in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public IEnumerable<T> Between(int from, int to)
    {
        for (var i = FirstAtOrAfter(from); i < items.Count && startOf(items[i]) < to; i++) yield return items[i];
    }

    /// <summary>The items starting in [<paramref name="from"/>, <paramref name="to"/>), nearest <paramref name="to"/> first.</summary>
    public IEnumerable<T> BackFrom(int to, int from = 0)
    {
        for (var i = FirstAtOrAfter(to) - 1; i >= 0 && startOf(items[i]) >= from; i--) yield return items[i];
    }

    private int FirstAtOrAfter(int position)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (startOf(items[mid]) < position) low = mid + 1; else high = mid;
        }
        return low;
    }
}
