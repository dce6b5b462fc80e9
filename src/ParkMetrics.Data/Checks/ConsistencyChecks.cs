using System.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Checks;

/// <summary>Every finding over the figures stored, with how long each step took.</summary>
public sealed record CheckReport(IReadOnlyList<Finding> Findings, int FigureCount, TimeSpan Reading, TimeSpan Checking, TimeSpan Writing, DateTimeOffset RanAt)
{
    public TimeSpan Elapsed => Reading + Checking + Writing;

    private ILookup<long, Finding>? byFigure;

    /// <summary>The findings each figure takes part in.</summary>
    public ILookup<long, Finding> ByFigure => byFigure ??= Findings.SelectMany(f => f.Figures.Select(x => (x.Figure.Id, f))).Distinct()
        .ToLookup(p => p.Id, p => p.f);
}

/// <summary>What to list: parks (any figure of the finding in one of them), severities and rules; empty means all.</summary>
public sealed record CheckFilter(IReadOnlyCollection<string>? Parks = null, IReadOnlyCollection<Severity>? Severities = null, IReadOnlyCollection<CheckRule>? Rules = null)
{
    public bool Matches(Finding f) =>
        (Parks is not { Count: > 0 } || f.ParkCodes.Any(Parks.Contains))
        && (Severities is not { Count: > 0 } || Severities.Contains(f.Severity))
        && (Rules is not { Count: > 0 } || Rules.Contains(f.Rule));
}

/// <summary>
/// The consistency checks over the database: every figure against the rules (<see cref="ConsistencyRules"/>) with the
/// relationships of the catalog, kept in the read cache until the next write; the findings a figure takes part in (for
/// marks on tiles, tables and the figure's dialog); and the findings that rows not yet written would add (upload, intake,
/// entry grid), which warn and never block. Reads only: no check changes a figure.
/// </summary>
public sealed class ConsistencyChecks(IDbContextFactory<ParkMetricsDbContext> contexts, QueryCache? cache = null, CancellationToken stopping = default)
{
    private const string CacheKey = "checks:report";

    /// <summary>
    /// How long a report is kept when nothing is written. Every write invalidates it (in this process at once, from
    /// another process when the data's version is seen to move), and <see cref="Refresh"/> starts the next at once.
    /// </summary>
    public static readonly TimeSpan ReportLifetime = TimeSpan.FromHours(1);

    /// <summary>The findings over everything stored, from the cache when nothing was written since.</summary>
    public Task<CheckReport> ReportAsync(CancellationToken ct = default) =>
        cache is null ? RunAsync(ct) : cache.GetAsync(CacheKey, () => RunAsync(stopping), ReportLifetime);

    /// <summary>
    /// Starts the report over the data as it now is, without waiting for it: the pages that mark figures (and /checks)
    /// after a write then wait for what is left of one run, not for a whole run (seconds at a million figures).
    /// </summary>
    public void Refresh() => _ = ReportAsync().ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    public async Task<IReadOnlyList<Finding>> FindingsAsync(CheckFilter filter, CancellationToken ct = default) =>
        [.. (await ReportAsync(ct)).Findings.Where(filter.Matches)];

    /// <summary>
    /// The findings each of <paramref name="figureIds"/> takes part in, the surest first (figures in none are left out):
    /// what a tile, a table row or a figure's dialog needs to carry its mark and link to the finding.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Finding>>> FindingsForAsync(IEnumerable<long> figureIds, CancellationToken ct = default) =>
        Of(await ReportAsync(ct), figureIds);

    /// <summary>
    /// The same, if the report over the data as it now is is ready within <paramref name="wait"/>; else null, and the
    /// report goes on (a page then shows no marks rather than keep its reader waiting for a whole run).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Finding>>?> FindingsForAsync(IEnumerable<long> figureIds, TimeSpan wait, CancellationToken ct = default)
    {
        var running = ReportAsync(ct);
        if (await Task.WhenAny(running, Task.Delay(wait, ct)) != running) return null;
        return Of(await running, figureIds);
    }

    private static Dictionary<long, IReadOnlyList<Finding>> Of(CheckReport report, IEnumerable<long> figureIds) =>
        figureIds.Distinct().Where(id => report.ByFigure.Contains(id))
            .ToDictionary(id => id, id => (IReadOnlyList<Finding>)[.. report.ByFigure[id].OrderBy(f => f.Severity).ThenBy(f => f.Rule)]);

    /// <summary>Runs every rule over every stored figure now, without the cache.</summary>
    public async Task<CheckReport> RunAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var catalog = await CheckCatalog.LoadAsync(db, ct);
        var set = new FigureSet(await ReadFiguresAsync(db, catalog, ct));
        var (quotes, texts) = await TrendTextsAsync(db, set, catalog, ct);
        var reading = clock.Elapsed;
        var raw = new ConsistencyRules(set, catalog, texts.GetValueOrDefault, quotes.GetValueOrDefault).Run();
        var checking = clock.Elapsed - reading;
        var details = await DetailsAsync(db, raw.SelectMany(r => r.Figures).Select(r => set.Figures[r.Index].Id).Distinct().ToList(), ct);
        var findings = Ordered(raw.Select(r => FindingText.Write(r, set, id => details[id], catalog)));
        return new CheckReport(findings, set.Figures.Length, reading, checking, clock.Elapsed - reading - checking, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// The findings that <paramref name="rows"/> (as an upload, the intake or the entry grid would write them) would add to
    /// those the stored figures already raise: each involves at least one row, and was not there before. A row with the
    /// natural key of a stored figure stands in for it. Nothing is written.
    /// </summary>
    public async Task<IReadOnlyList<Finding>> ForCandidatesAsync(IReadOnlyList<ObservationRow> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        var catalog = await CheckCatalog.LoadAsync(db, ct);
        var candidates = rows.Select((r, i) => FromRow(r, -(i + 1), catalog)).OfType<CheckedFigure>().ToList();
        if (candidates.Count == 0) return [];
        var parks = NeighbourParks(candidates.Select(c => catalog.ParkId(c.ParkCode)!.Value), catalog);
        var stored = await db.Observations.AsNoTracking().Where(o => parks.Contains(o.ParkId)).Select(Detail).ToListAsync(ct);
        var sourceIds = stored.Select(s => s.SourceId).Concat(candidates.Select(c => c.SourceId)).Distinct().ToList();
        var texts = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id) && s.Text != null).ToDictionaryAsync(s => s.Id, s => s.Text!, ct);

        var before = Evaluate(stored, catalog, texts.GetValueOrDefault).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var replaced = candidates.Select(c => c.NaturalKey).ToHashSet(StringComparer.Ordinal);
        var after = Evaluate([.. stored.Where(s => !replaced.Contains(s.NaturalKey)), .. candidates], catalog, texts.GetValueOrDefault);
        return [.. after.Where(f => f.InvolvesCandidate && !before.Contains(f.Key))];
    }

    /// <summary>
    /// The rules over figures given in full (rows of a seed or an upload, or stored figures read with their quotes), for
    /// checks that need no database; <paramref name="sourceText"/> gives a report's text by its id, for trend words.
    /// </summary>
    public static IReadOnlyList<Finding> Evaluate(IReadOnlyList<CheckedFigure> figures, CheckCatalog catalog, Func<int, string?>? sourceText = null)
    {
        var byId = new Dictionary<long, CheckedFigure>(figures.Count);
        var facts = new List<CheckFigure>(figures.Count);
        foreach (var figure in figures)
            if (CheckFigure.From(figure, catalog) is { } fact && byId.TryAdd(figure.Id, figure)) facts.Add(fact);
        var set = new FigureSet([.. facts]);
        var raw = new ConsistencyRules(set, catalog, sourceText, id => byId.TryGetValue(id, out var f) ? f.Quote : null).Run();
        return Ordered(raw.Select(r => FindingText.Write(r, set, id => byId[id], catalog)));
    }

    /// <summary>A row as the checks see it, named from the catalog; null when the catalog lacks one of its codes.</summary>
    public static CheckedFigure? FromRow(ObservationRow r, long id, CheckCatalog catalog)
    {
        if (catalog.IndicatorId(r.Indicator) is not { } indicatorId || catalog.ParkId(r.Park) is not { } parkId || catalog.SourceId(r.Source) is not { } sourceId)
            return null;
        var (indicator, park, source) = (catalog.Indicators[indicatorId], catalog.Parks[parkId], catalog.Sources[sourceId]);
        return new CheckedFigure(id, park.Code, park.NameZh, park.NameEn, r.Subject, indicator.Code, indicator.NameZh, indicator.NameEn, indicator.Measure,
            indicator.Unit, r.PeriodKind, r.Start, r.End, r.Value, r.ReportedValue, r.Unit, r.ReportedValueText.TrimStart('-', '+'), r.Qualifier, r.Quote,
            source.Id, source.Code, source.Title, source.PublishedOn, source.AsOf);
    }

    private static List<Finding> Ordered(IEnumerable<Finding> findings) =>
        [.. findings.OrderBy(f => f.Severity).ThenBy(f => f.Figures[0].Figure.ParkCode, StringComparer.Ordinal).ThenBy(f => f.Rule).ThenBy(f => f.Key, StringComparer.Ordinal)];

    /// <summary>The parks a rule may reach from these: themselves, their parents and children, their siblings, and every park a share's base names.</summary>
    private static HashSet<int> NeighbourParks(IEnumerable<int> parks, CheckCatalog catalog)
    {
        var result = new HashSet<int>();
        foreach (var park in parks)
        {
            result.Add(park);
            result.UnionWith(catalog.ChildrenOf(park));
            if (catalog.Parks[park].ParentId is { } parent)
            {
                result.Add(parent);
                result.UnionWith(catalog.ChildrenOf(parent));
            }
        }
        result.UnionWith(catalog.Relationships.Select(r => r.BaseParkId).OfType<int>());
        return result;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Observation, CheckedFigure>> Detail = o => new CheckedFigure(
        o.Id, o.Park.Code, o.Park.NameZh, o.Park.NameEn, o.Enterprise == null ? null : o.Enterprise.Name,
        o.Indicator.Code, o.Indicator.NameZh, o.Indicator.NameEn, o.Indicator.Measure, o.Indicator.UnitCode,
        o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.Value, o.ReportedValue, o.ReportedUnit, null,
        o.Qualifier, o.Quote, o.SourceId, o.Source.Code, o.Source.Title, o.Source.PublishedOn, o.Source.AsOf);

    private static async Task<Dictionary<long, CheckedFigure>> DetailsAsync(ParkMetricsDbContext db, List<long> ids, CancellationToken ct)
    {
        var details = new Dictionary<long, CheckedFigure>(ids.Count);
        foreach (var chunk in ids.Chunk(20_000))
            foreach (var d in await db.Observations.AsNoTracking().Where(o => chunk.Contains(o.Id)).Select(Detail).ToListAsync(ct))
                details[d.Id] = d;
        return details;
    }

    /// <summary>
    /// Every stored figure as the rules see it, read in one pass with plain ADO.NET: a million figures become structs
    /// without EF's materialisation, and only figures with 约/近/超/余 bring their quote (the word's lean is read from it).
    /// </summary>
    private static async Task<CheckFigure[]> ReadFiguresAsync(ParkMetricsDbContext db, CheckCatalog catalog, CancellationToken ct)
    {
        static string CaseOf<T>(string column) where T : struct, Enum =>
            $"CASE {column} " + string.Join(' ', Enum.GetValues<T>().Select(v => $"WHEN '{EnumCode.Of(v)}' THEN {Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)}")) + " END";
        var sql = $"""
            SELECT o."Id", o."ParkId", coalesce(o."EnterpriseId", 0), o."IndicatorId", {CaseOf<PeriodKind>("o.\"PeriodKind\"")}, o."PeriodStart", o."PeriodEnd",
                   o."SourceId", {CaseOf<Qualifier>("o.\"Qualifier\"")}, o."Value"::float8, scale(trim_scale(o."ReportedValue")), u."Factor"::float8,
                   CASE WHEN o."Qualifier" IN ('approx', 'over', 'under') THEN o."Quote" END,
                   CASE WHEN o."Qualifier" IN ('approx', 'over', 'under') THEN trim_scale(abs(o."ReportedValue"))::text END
            FROM "Observations" o LEFT JOIN "Units" u ON u."Code" = o."ReportedUnit"
            WHERE o."DeletedAt" IS NULL
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var figures = new List<CheckFigure>(1024);
        while (await reader.ReadAsync(ct))
        {
            // Sequential access: the columns are read in their order.
            var (id, park, enterprise) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
            var indicatorId = reader.GetInt32(3);
            if (!catalog.Indicators.TryGetValue(indicatorId, out var indicator)) continue;
            var kind = (PeriodKind)reader.GetInt32(4);
            var (start, end) = (reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6));
            var source = reader.GetInt32(7);
            var qualifier = (Qualifier)reader.GetInt32(8);
            var value = reader.GetDouble(9) * indicator.UnitFactor;
            var decimals = reader.GetInt32(10);
            var reportedFactor = reader.IsDBNull(11) ? indicator.UnitFactor : reader.GetDouble(11);
            var quote = reader.IsDBNull(12) ? null : reader.GetString(12);
            var printed = reader.IsDBNull(13) ? "" : reader.GetString(13);
            var marker = Tolerance.MarkerOf(qualifier, quote, printed);
            var bounds = Tolerance.Of(value, decimals, reportedFactor, qualifier, marker, indicator.Measure == MeasureKind.Count, indicator.CanBeNegative);
            figures.Add(new CheckFigure(id, park, enterprise, indicatorId, kind, start, end, source, qualifier, value, bounds));
        }
        return [.. figures];
    }

    /// <summary>
    /// For the trend rule: the quotes of the series a report with a text gives period by period (two or more figures of one
    /// indicator and subject), and those reports' texts. Nothing else of the texts is read.
    /// </summary>
    private static async Task<(Dictionary<long, string> Quotes, Dictionary<int, string> Texts)> TrendTextsAsync(ParkMetricsDbContext db, FigureSet set,
        CheckCatalog catalog, CancellationToken ct)
    {
        var withText = catalog.Sources.Values.Where(s => s.HasText).Select(s => s.Id).ToHashSet();
        if (withText.Count == 0) return ([], []);
        var ids = set.Figures.Where(f => withText.Contains(f.Source) && f.Kind is PeriodKind.Year or PeriodKind.HalfYear or PeriodKind.YtdMonth)
            .GroupBy(f => (f.Source, f.Indicator, f.Park, f.Enterprise, f.Kind)).Where(g => g.Count() >= 2).SelectMany(g => g.Select(f => f.Id)).ToList();
        if (ids.Count == 0) return ([], []);
        var quotes = new Dictionary<long, string>();
        var sources = new HashSet<int>();
        foreach (var chunk in ids.Chunk(20_000))
            foreach (var q in await db.Observations.AsNoTracking().Where(o => chunk.Contains(o.Id)).Select(o => new { o.Id, o.Quote, o.SourceId }).ToListAsync(ct))
            {
                quotes[q.Id] = q.Quote;
                sources.Add(q.SourceId);
            }
        var texts = await db.Sources.AsNoTracking().Where(s => sources.Contains(s.Id) && s.Text != null).ToDictionaryAsync(s => s.Id, s => s.Text!, ct);
        return (quotes, texts);
    }
}
