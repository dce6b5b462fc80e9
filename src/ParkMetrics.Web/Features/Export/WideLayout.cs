using System.Globalization;
using System.Runtime.CompilerServices;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>A period column of a wide export: the period, its label, and the header (the label, with its dates where two periods read alike).</summary>
public sealed record WideColumn(PeriodKind Kind, DateOnly Start, DateOnly End, string Label, string Header);

/// <summary>One row of a wide export: a subject's indicator in one period kind, with a value per period column (null where none).</summary>
public sealed record WideRow(ExportRow First, decimal?[] Values);

/// <summary>
/// The period columns of a wide export, sorted by start then end. A column is a period as worded: the same dates read
/// “期间累计” for a level and “期间年均” for a growth rate, so those are two columns. Two periods that read alike (points
/// on two days of one month: 截至2025年11月) get their dates in the header so that no two columns share a name.
/// </summary>
public sealed class WideLayout
{
    private readonly Dictionary<(PeriodKind, DateOnly, DateOnly, string), int> index = [];

    private WideLayout(IReadOnlyList<WideColumn> columns)
    {
        Columns = columns;
        for (var i = 0; i < columns.Count; i++) index[(columns[i].Kind, columns[i].Start, columns[i].End, columns[i].Label)] = i;
    }

    public IReadOnlyList<WideColumn> Columns { get; }

    public static WideLayout Create(IEnumerable<ExportPeriod> periods, PeriodLabels labels, bool zh)
    {
        var distinct = periods
            .Select(p => (p.Kind, p.Start, p.End, Label: labels.Of(p)))
            .Distinct()
            .OrderBy(p => p.Start).ThenBy(p => p.End).ThenBy(p => EnumCode.Of(p.Kind), StringComparer.Ordinal).ThenBy(p => p.Label, StringComparer.Ordinal)
            .ToList();
        var shared = distinct.GroupBy(p => p.Label, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return new WideLayout([.. distinct.Select(p => new WideColumn(p.Kind, p.Start, p.End, p.Label,
            shared.Contains(p.Label) ? WithDates(p.Label, p.Start, p.End, zh) : p.Label))]);
    }

    private static string WithDates(string label, DateOnly start, DateOnly end, bool zh)
    {
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dates = start == end ? Iso(end) : Iso(start) + (zh ? "—" : "–") + Iso(end);
        return zh ? $"{label}（{dates}）" : $"{label} ({dates})";
    }

    /// <summary>
    /// Folds rows ordered by subject, indicator and period kind into one <see cref="WideRow"/> per run of equal keys,
    /// holding one run in memory at a time. Where several sources report the same period, the cell holds the figure of
    /// the latest (by the date its figures refer to, then by source id).
    /// </summary>
    public async IAsyncEnumerable<WideRow> RowsAsync(IAsyncEnumerable<ExportRow> rows, PeriodLabels labels, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ExportRow? first = null;
        decimal?[] values = [];
        var chosen = new (DateOnly AsOf, int SourceId)[Columns.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (first is null || row.ParkId != first.ParkId || row.EnterpriseId != first.EnterpriseId
                || row.IndicatorId != first.IndicatorId || row.PeriodKind != first.PeriodKind)
            {
                if (first is not null) yield return new WideRow(first, values);
                first = row;
                values = new decimal?[Columns.Count];
            }
            // Every row's period is a column: the columns were read from the same snapshot as the rows.
            var column = index[(row.PeriodKind, row.Start, row.End, labels.Of(row))];
            var source = (row.SourceAsOf, row.SourceId);
            if (values[column] is null || source.CompareTo(chosen[column]) > 0)
            {
                values[column] = ExportText.Plain(row.Value);
                chosen[column] = source;
            }
        }
        if (first is not null) yield return new WideRow(first, values);
    }
}
