using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Figures;

/// <summary>
/// One page of a figure table, sorted by a column key (never by a translated title): <c>indicator</c>, <c>subject</c>,
/// <c>period</c> or <c>value</c>, with <c>-desc</c> for descending. An unknown sort keeps the figures' order; a page
/// past the last shows the last.
/// </summary>
public sealed record FigureTableView(IReadOnlyList<Figure> Rows, string? SortColumn, bool Descending, int Page, int PageCount)
{
    public const string Indicator = "indicator";
    public const string Subject = "subject";
    public const string Period = "period";
    public const string Value = "value";

    public static FigureTableView Of(IReadOnlyList<Figure> figures, string? sort, string? page, int pageSize,
        Func<Figure, string> name, Func<Figure, string> subject)
    {
        var descending = sort?.EndsWith("-desc", StringComparison.Ordinal) == true;
        var column = descending ? sort![..^"-desc".Length] : sort;
        IOrderedEnumerable<Figure> By<TKey>(Func<Figure, TKey> key) => descending ? figures.OrderByDescending(key) : figures.OrderBy(key);
        IEnumerable<Figure> sorted = column switch
        {
            Indicator => By(name).ThenBy(f => f.Start),
            Subject => By(subject).ThenBy(f => f.Start),
            Period => descending ? By(f => f.Start).ThenByDescending(f => f.End) : By(f => f.Start).ThenBy(f => f.End),
            Value => By(f => f.Value),
            _ => figures,
        };
        if (column is not (Indicator or Subject or Period or Value)) (column, descending) = (null, false);
        var pageCount = Math.Max(1, (figures.Count + pageSize - 1) / pageSize);
        var number = int.TryParse(page, out var n) ? Math.Clamp(n, 1, pageCount) : 1;
        return new([.. sorted.Skip((number - 1) * pageSize).Take(pageSize)], column, descending, number, pageCount);
    }

    /// <summary>The sort a column's header links to: ascending first, descending when it is already sorted ascending.</summary>
    public string NextSort(string column) => SortColumn == column && !Descending ? column + "-desc" : column;

    /// <summary>aria-sort of a column's header.</summary>
    public string? AriaSort(string column) => SortColumn != column ? null : Descending ? "descending" : "ascending";
}
