using System.Globalization;
using System.Runtime.CompilerServices;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// A period column of a wide export: the period, whether it holds forecasts (预计) rather than reported figures, its
/// label and its header (the label, with its dates where two periods read alike, and 预计 for forecasts).
/// </summary>
public sealed record WideColumn(PeriodKind Kind, DateOnly Start, DateOnly End, string Label, bool Forecast, string Header);

/// <summary>A figure in a wide export: its value and its qualifier.</summary>
public readonly record struct WideCell(decimal Value, Qualifier Qualifier);

/// <summary>
/// One row of a wide export: a series (a subject's indicator in one period kind) with a cell per period column, null
/// where none. <see cref="Rank"/> 1 holds each period's figure from the latest source; where several sources report one
/// period, the earlier ones follow in rows ranked 2, 3 …, so that no figure is left out.
/// </summary>
public sealed record WideRow(ExportRow First, int Rank, WideCell?[] Cells);

/// <summary>
/// The period columns of a wide export, sorted by start then end. A column is a period as worded, in one period kind:
/// the same dates read “期间累计” for a plan total and “期间年均” for an average per year, so those are two columns, and
/// forecasts get columns of their own beside the reported figures. Two periods that read alike (points on two days of
/// one month: 截至2025年11月) get their dates in the header so that no two columns share a name.
/// </summary>
public sealed class WideLayout
{
    private readonly Dictionary<(PeriodKind, DateOnly, DateOnly, string, bool), int> index = [];

    private WideLayout(IReadOnlyList<WideColumn> columns)
    {
        Columns = columns;
        for (var i = 0; i < columns.Count; i++) index[(columns[i].Kind, columns[i].Start, columns[i].End, columns[i].Label, columns[i].Forecast)] = i;
    }

    public IReadOnlyList<WideColumn> Columns { get; }

    public static WideLayout Create(IEnumerable<ExportPeriod> periods, PeriodLabels labels, bool zh)
    {
        var distinct = periods
            .Select(p => (p.Kind, p.Start, p.End, Label: labels.Of(p), p.Forecast))
            .Distinct()
            .OrderBy(p => p.Start).ThenBy(p => p.End).ThenBy(p => EnumCode.Of(p.Kind), StringComparer.Ordinal).ThenBy(p => p.Label, StringComparer.Ordinal)
            .ThenBy(p => p.Forecast)
            .ToList();
        var shared = distinct.Select(p => (p.Kind, p.Start, p.End, p.Label)).Distinct()
            .GroupBy(p => p.Label, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return new WideLayout([.. distinct.Select(p => new WideColumn(p.Kind, p.Start, p.End, p.Label, p.Forecast,
            Header(shared.Contains(p.Label) ? WithDates(p.Label, p.Start, p.End, zh) : p.Label, p.Forecast, zh)))]);
    }

    private static string Header(string label, bool forecast, bool zh) => !forecast ? label : zh ? label + "（预计）" : label + " (forecast)";

    private static string WithDates(string label, DateOnly start, DateOnly end, bool zh)
    {
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dates = start == end ? Iso(end) : Iso(start) + (zh ? "—" : "–") + Iso(end);
        return zh ? $"{label}（{dates}）" : $"{label} ({dates})";
    }

    /// <summary>The header of the qualifier column that follows a period column.</summary>
    public static string QualifierHeader(WideColumn column, bool zh) => zh ? column.Header + " 限定" : column.Header + " qualifier";

    /// <summary>
    /// Folds rows ordered by subject, indicator and period kind into the rows of each series, holding one series in
    /// memory at a time. A period's figures go to ranks by their source, the latest first (by the date its figures
    /// refer to, then by source id).
    /// </summary>
    public async IAsyncEnumerable<WideRow> RowsAsync(IAsyncEnumerable<ExportRow> rows, PeriodLabels labels, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var series = new List<(ExportRow Row, int Column)>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (series.Count > 0 && !SameSeries(series[0].Row, row))
            {
                foreach (var folded in Fold(series)) yield return folded;
                series.Clear();
            }
            // Every row's period is a column: the columns were read from the same snapshot as the rows.
            series.Add((row, index[(row.PeriodKind, row.Start, row.End, labels.Of(row), row.Qualifier == Qualifier.Forecast)]));
        }
        if (series.Count > 0) foreach (var folded in Fold(series)) yield return folded;
    }

    private static bool SameSeries(ExportRow a, ExportRow b) =>
        a.ParkId == b.ParkId && a.EnterpriseId == b.EnterpriseId && a.IndicatorId == b.IndicatorId && a.PeriodKind == b.PeriodKind;

    private List<WideRow> Fold(List<(ExportRow Row, int Column)> series)
    {
        var ranks = new List<WideCell?[]> { new WideCell?[Columns.Count] };
        var taken = new int[Columns.Count];
        foreach (var (row, column) in series.OrderByDescending(s => s.Row.SourceAsOf).ThenByDescending(s => s.Row.SourceId))
        {
            var rank = taken[column]++;
            if (rank == ranks.Count) ranks.Add(new WideCell?[Columns.Count]);
            ranks[rank][column] = new WideCell(ExportText.Plain(row.Value), row.Qualifier);
        }
        var first = series[0].Row;
        return [.. ranks.Select((cells, i) => new WideRow(first, i + 1, cells))];
    }
}
