using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Seeding;

public sealed record ParkRow(string Code, string NameZh, string NameEn, ParkKind Kind, string? Parent, IReadOnlyList<string> Aliases);
public sealed record UnitRow(string Code, string Dimension, decimal Factor, IReadOnlyList<string> Aliases);
/// <param name="Text">The report's text from the articles folder, when the folder holds its file.</param>
public sealed record SourceRow(string Code, SourceKind Kind, string? File, string Title, string? Outlet, DateOnly? PublishedOn, DateOnly AsOf,
    string? DateNote, string? Url, string? Text = null);
public sealed record IndicatorRow(string Code, string NameZh, string NameEn, string Category, string Unit,
    MeasureKind Measure, Aggregation Aggregation, string? Base, IReadOnlyList<string> Aliases);
public sealed record EnterpriseRow(string Name, IReadOnlyList<string> Aliases, string Park, string? Sector, IReadOnlyList<string> Designations);
/// <param name="BasePark">The share's denominator's park: null for the share's own park, <c>parent</c> for its parent, else a park's code.</param>
public sealed record RelationshipRow(RelationshipKind Kind, string Indicator, string? Part, string? Base, string? BasePark, string? Note)
{
    public const string ParentPark = "parent";
}
public sealed record ObservationRow(string Park, string? Subject, string Indicator, PeriodKind PeriodKind, DateOnly Start, DateOnly End,
    decimal ReportedValue, string ReportedValueText, string Unit, Qualifier Qualifier, string Source, string Quote, decimal Value,
    string File, int Line)
{
    /// <summary>The five-year plan the period falls in, if any.</summary>
    public PlanPeriod? PlanIn(IEnumerable<PlanPeriod> plans) => plans.FirstOrDefault(p => p.Start <= Start && End <= p.End);

    /// <summary>Sets every field of <paramref name="e"/> from this row; the plan period is the one the period falls in.</summary>
    public void ApplyTo(Observation e, Park park, Enterprise? enterprise, Indicator indicator, Source source, IEnumerable<PlanPeriod> plans)
    {
        (e.Park, e.Enterprise, e.Indicator, e.Source) = (park, enterprise, indicator, source);
        (e.PeriodKind, e.PeriodStart, e.PeriodEnd) = (PeriodKind, Start, End);
        e.PlanPeriod = PlanIn(plans);
        (e.Value, e.ReportedValue, e.ReportedUnit, e.Qualifier, e.Quote) = (Value, ReportedValue, Unit, Qualifier, Quote);
    }
}

/// <summary>The seed files of <c>data/seed</c>, read and checked against each other before anything is written.</summary>
public sealed class SeedSet
{
    public const int MaxQuoteLength = 80;

    public static readonly string[] ParkColumns = ["code", "name_zh", "name_en", "kind", "parent", "aliases"];
    public static readonly string[] UnitColumns = ["code", "dimension", "factor", "aliases"];
    public static readonly string[] SourceColumns = ["code", "kind", "file", "title", "outlet", "published_on", "as_of", "date_note", "url"];
    public static readonly string[] IndicatorColumns = ["code", "name_zh", "name_en", "category", "unit", "measure", "aggregation", "base", "aliases"];
    public static readonly string[] EnterpriseColumns = ["name", "aliases", "park", "sector", "designations"];
    public static readonly string[] ObservationColumns =
        ["park", "subject", "indicator", "period_kind", "period_start", "period_end", "value", "unit", "qualifier", "source", "quote"];
    public static readonly string[] RelationshipColumns = ["kind", "indicator", "part", "base", "base_park", "note"];
    /// <summary>A column an upload may add after <see cref="ObservationColumns"/>: the indicator's measure, checked when given.</summary>
    public const string MeasureColumn = "measure";

    public required IReadOnlyList<ParkRow> Parks { get; init; }
    public required IReadOnlyList<UnitRow> Units { get; init; }
    public required IReadOnlyList<SourceRow> Sources { get; init; }
    public required IReadOnlyList<IndicatorRow> Indicators { get; init; }
    public required IReadOnlyList<EnterpriseRow> Enterprises { get; init; }
    public required IReadOnlyList<ObservationRow> Observations { get; init; }
    /// <summary>How indicators' figures must hang together (<c>relationships.csv</c>, optional), for the consistency checks.</summary>
    public IReadOnlyList<RelationshipRow> Relationships { get; init; } = [];

    /// <summary>
    /// Reads every file in <paramref name="directory"/>, and each source's text from <paramref name="articlesDirectory"/> where
    /// that folder holds its file; throws <see cref="SeedValidationException"/> listing every problem.
    /// </summary>
    public static SeedSet Load(string directory, string? articlesDirectory = null)
    {
        var errors = new SeedErrors();
        string PathOf(string name) => System.IO.Path.Combine(directory, name);

        var units = Unique(SeedTable.Read(PathOf("units.csv"), UnitColumns, errors), "code", r => r.Required("code"), r =>
        {
            var factor = r.Number("factor");
            return new UnitRow(r.Required("code"), r.Required("dimension"), factor ?? 0, r.List("aliases"));
        });
        var parks = Unique(SeedTable.Read(PathOf("parks.csv"), ParkColumns, errors), "code", r => r.Required("code"), r =>
            new ParkRow(r.Required("code"), r.Required("name_zh"), r.Required("name_en"), r.Code<ParkKind>("kind") ?? default, r.Optional("parent"), r.List("aliases")));
        var sources = Unique(SeedTable.Read(PathOf("sources.csv"), SourceColumns, errors), "code", r => r.Required("code"), r =>
            new SourceRow(r.Required("code"), r.Code<SourceKind>("kind") ?? default, r.Optional("file"), r.Required("title"), r.Optional("outlet"),
                r.Date("published_on", required: false), r.Date("as_of") ?? default, r.Optional("date_note"), r.Optional("url"),
                ArticleText(articlesDirectory, r.Optional("file"))));
        var indicators = Unique(SeedTable.Read(PathOf("indicators.csv"), IndicatorColumns, errors), "code", r => r.Required("code"), r =>
            new IndicatorRow(r.Required("code"), r.Required("name_zh"), r.Required("name_en"), r.Required("category"), r.Required("unit"),
                r.Code<MeasureKind>("measure") ?? default, r.Code<Aggregation>("aggregation") ?? default, r.Optional("base"), r.List("aliases")));
        var enterprises = Unique(SeedTable.Read(PathOf("enterprises.csv"), EnterpriseColumns, errors), "name", r => r.Required("name"), r =>
            new EnterpriseRow(r.Required("name"), r.List("aliases"), r.Required("park"), r.Optional("sector"), r.List("designations")));

        foreach (var (row, park) in parks)
            if (park.Parent is { } parent && !parks.Any(p => p.Value.Code == parent)) row.Fail("parent", Unknown("park", parent, parks.Select(p => p.Value.Code)));
        foreach (var (row, indicator) in indicators)
        {
            if (!units.Any(u => u.Value.Code == indicator.Unit)) row.Fail("unit", Unknown("unit", indicator.Unit, units.Select(u => u.Value.Code)));
            if (indicator.Base is { } b && !indicators.Any(i => i.Value.Code == b)) row.Fail("base", Unknown("indicator", b, indicators.Select(i => i.Value.Code)));
        }
        foreach (var (row, enterprise) in enterprises)
            if (!parks.Any(p => p.Value.Code == enterprise.Park)) row.Fail("park", Unknown("park", enterprise.Park, parks.Select(p => p.Value.Code)));

        var context = new ObservationContext(
            parks.Select(p => p.Value.Code).ToHashSet(),
            UnitLookup.ByCodeAndAlias(units.Select(u => u.Value)),
            indicators.ToDictionary(i => i.Value.Code, i => i.Value),
            enterprises.ToDictionary(e => e.Value.Name, e => e.Value),
            sources.Select(s => s.Value.Code).ToHashSet());
        var observations = ReadObservations(SeedTable.Read(PathOf("observations.csv"), ObservationColumns, errors), context);
        var relationships = System.IO.File.Exists(PathOf(RelationshipsFile))
            ? ReadRelationships(SeedTable.Read(PathOf(RelationshipsFile), RelationshipColumns, errors), context,
                parks.Select(p => p.Value.Code).ToHashSet(StringComparer.Ordinal))
            : [];

        if (errors.Count > 0) throw new SeedValidationException(errors);
        return new SeedSet
        {
            Parks = ParentsFirst(parks.Select(p => p.Value).ToList(), p => p.Code, p => p.Parent, "parks.csv"),
            Units = units.Select(u => u.Value).ToList(),
            Sources = sources.Select(s => s.Value).ToList(),
            Indicators = ParentsFirst(indicators.Select(i => i.Value).ToList(), i => i.Code, i => i.Base, "indicators.csv"),
            Enterprises = enterprises.Select(e => e.Value).ToList(),
            Observations = observations,
            Relationships = relationships,
        };
    }

    /// <summary>The relationships' file: without it the seed declares none (the checks still derive growth rates from the catalog).</summary>
    public const string RelationshipsFile = "relationships.csv";

    /// <summary>
    /// Checks each relationship against the catalog: the indicators exist, their measures fit the kind (a share is a share,
    /// a component is a level or count in the total's dimension), and each kind has the columns it needs and no others.
    /// </summary>
    internal static List<RelationshipRow> ReadRelationships(IReadOnlyList<SeedRow> rows, ObservationContext c, IReadOnlySet<string> parks)
    {
        var result = new List<RelationshipRow>();
        var keys = new Dictionary<(RelationshipKind, string, string?, string?), int>();
        foreach (var row in rows)
        {
            var before = row.ErrorCount;
            var kind = row.Code<RelationshipKind>("kind");
            var indicator = Indicator(row, "indicator", required: true);
            var part = Indicator(row, "part", required: false);
            var baseIndicator = Indicator(row, "base", required: false);
            var basePark = row.Optional("base_park");
            if (basePark is not null && basePark != RelationshipRow.ParentPark && !parks.Contains(basePark))
                row.Fail("base_park", c.Unknown("park", basePark, parks));
            if (kind is { } k && indicator is not null)
            {
                string? Dimension(IndicatorRow i) => c.Units.TryGetValue(i.Unit, out var u) ? u.Dimension : null;
                void Need(string field, bool present) { if (!present) row.Fail(field, Reason.Required); }
                void Forbid(string field, bool present) { if (present) row.Fail(field, Reason.NotForKind(EnumCode.Of(k))); }
                void Measure(string field, IndicatorRow? i, params MeasureKind[] allowed)
                {
                    if (i is not null && !allowed.Contains(i.Measure)) row.Fail(field, Reason.MeasureMismatch(EnumCode.Of(i.Measure), i.Code, string.Join("/", allowed.Select(EnumCode.Of))));
                }
                void SameDimension(string field, IndicatorRow? a, IndicatorRow? b)
                {
                    if (a is not null && b is not null && Dimension(a) != Dimension(b)) row.Fail(field, Reason.UnitDimension(b.Unit, a.Code, a.Unit));
                }
                MeasureKind[] amounts = [MeasureKind.Level, MeasureKind.Count, MeasureKind.Capacity];
                switch (k)
                {
                    case RelationshipKind.Component or RelationshipKind.Subset:
                        Need("part", row.Optional("part") is not null);
                        Forbid("base", row.Optional("base") is not null);
                        Forbid("base_park", basePark is not null);
                        Measure("indicator", indicator, amounts);
                        Measure("part", part, amounts);
                        SameDimension("part", indicator, part);
                        if (part?.Code == indicator.Code) row.Fail("part", Reason.SameIndicator);
                        break;
                    case RelationshipKind.Share:
                        Need("part", row.Optional("part") is not null);
                        Measure("indicator", indicator, MeasureKind.Share);
                        Measure("part", part, amounts);
                        Measure("base", baseIndicator, amounts);
                        SameDimension("base", part, baseIndicator);
                        if (basePark is not null && row.Optional("base") is null) row.Fail("base_park", Reason.Required);
                        break;
                    case RelationshipKind.Growth:
                        Need("part", row.Optional("part") is not null);
                        Forbid("base", row.Optional("base") is not null);
                        Forbid("base_park", basePark is not null);
                        Measure("indicator", indicator, MeasureKind.GrowthRate);
                        Measure("part", part, amounts);
                        break;
                    case RelationshipKind.PlanTotal:
                        Forbid("part", row.Optional("part") is not null);
                        Forbid("base", row.Optional("base") is not null);
                        Forbid("base_park", basePark is not null);
                        Measure("indicator", indicator, MeasureKind.Level, MeasureKind.Count);
                        break;
                }
            }
            var note = row.Optional("note");
            if (note is { Length: > 500 }) row.Fail("note", Reason.TooLong(500));
            if (row.ErrorCount > before || kind is null || indicator is null) continue;
            var relationship = new RelationshipRow(kind.Value, indicator.Code, part?.Code, baseIndicator?.Code, basePark, note);
            var key = (relationship.Kind, relationship.Indicator, relationship.Part, relationship.Base);
            if (keys.TryGetValue(key, out var first)) { row.Fail("indicator", Reason.Duplicate(first)); continue; }
            keys[key] = row.Line;
            result.Add(relationship);
        }
        return result;

        IndicatorRow? Indicator(SeedRow row, string field, bool required)
        {
            var code = required ? row.Required(field) : row.Optional(field);
            if (string.IsNullOrEmpty(code)) return null;
            if (c.Indicators.TryGetValue(code, out var found)) return found;
            row.Fail(field, c.Unknown("indicator", code, c.Indicators.Keys));
            return null;
        }
    }

    /// <summary>Checks observation rows against the catalogs; a row with problems is reported and left out.</summary>
    internal static List<ObservationRow> ReadObservations(IEnumerable<SeedRow> rows, ObservationContext context)
    {
        var observations = new List<ObservationRow>();
        var keys = new Dictionary<(string, string?, string, PeriodKind, DateOnly, DateOnly, string), int>();
        foreach (var row in rows)
        {
            if (ReadObservation(row, context) is not { } o) continue;
            var key = (o.Park, o.Subject, o.Indicator, o.PeriodKind, o.Start, o.End, o.Source);
            if (keys.TryGetValue(key, out var first)) { row.Fail("indicator", Reason.Duplicate(first)); continue; }
            keys[key] = row.Line;
            observations.Add(o);
        }
        return observations;
    }

    private static ObservationRow? ReadObservation(SeedRow row, ObservationContext c)
    {
        var before = row.ErrorCount;
        var park = row.Required("park");
        if (park.Length > 0 && !c.Parks.Contains(park)) row.Fail("park", c.Unknown("park", park, c.Parks));
        var subject = row.Optional("subject");
        if (subject is not null)
        {
            if (!c.Enterprises.TryGetValue(subject, out var enterprise)) row.Fail("subject", c.Unknown("enterprise", subject, c.Enterprises.Keys));
            else if (enterprise.Park != park) row.Fail("park", Reason.EnterprisePark(subject, enterprise.Park));
        }
        var indicatorCode = row.Required("indicator");
        c.Indicators.TryGetValue(indicatorCode, out var indicator);
        if (indicator is null && indicatorCode.Length > 0) row.Fail("indicator", c.Unknown("indicator", indicatorCode, c.Indicators.Keys));
        var kind = row.Code<PeriodKind>("period_kind");
        var start = row.Date("period_start");
        var end = row.Date("period_end");
        if (kind is { } k && start is { } s && end is { } e)
        {
            if (s > e) row.Fail("period_end", Reason.PeriodOrder);
            else if (!PeriodShapeFits(k, s, e)) row.Fail("period_kind", Reason.PeriodShape(EnumCode.Of(k)));
        }
        var valueText = row.Optional("value") ?? "";
        var value = row.Number("value");
        var unitCode = row.Required("unit");
        c.Units.TryGetValue(unitCode, out var unit);
        if (unit is null && unitCode.Length > 0) row.Fail("unit", c.Unknown("unit", unitCode, c.Units.Keys));
        if (unit is not null) unitCode = unit.Code; // 萬噸 is stored as the catalog's 万吨
        UnitRow? canonical = null;
        if (unit is not null && indicator is not null && c.Units.TryGetValue(indicator.Unit, out canonical) && canonical.Dimension != unit.Dimension)
            row.Fail("unit", Reason.UnitDimension(unitCode, indicator.Code, indicator.Unit));
        if (row.Has(MeasureColumn) && row.Optional(MeasureColumn) is { } measure)
        {
            if (!EnumCode.TryParse<MeasureKind>(measure, out var given)) row.Fail(MeasureColumn, Reason.OneOf(measure, EnumCode.All<MeasureKind>()));
            else if (indicator is not null && given != indicator.Measure)
                row.Fail(MeasureColumn, Reason.MeasureMismatch(measure, indicator.Code, EnumCode.Of(indicator.Measure)));
        }
        var qualifier = row.Code<Qualifier>("qualifier");
        var source = row.Required("source");
        if (source.Length > 0 && !c.Sources.Contains(source)) row.Fail("source", c.Unknown("source", source, c.Sources));
        var quote = row.Required("quote", lineBreaks: true);
        if (quote.Length > MaxQuoteLength) row.Fail("quote", Reason.QuoteTooLong(MaxQuoteLength));
        else if (quote.Length > 0 && valueText.Length > 0 && !QuoteHolds(quote, valueText))
            row.Fail("quote", Reason.QuoteLacksValue(valueText));

        if (row.ErrorCount > before || value is null || unit is null || canonical is null) return null;
        if (UnitConversion.TryConvertToStored(value.Value, unit.Factor, canonical.Factor) is not { } stored)
        {
            row.Fail("value", Reason.OutOfRange(valueText));
            return null;
        }
        return new ObservationRow(park, subject, indicatorCode, kind!.Value, start!.Value, end!.Value, value.Value, valueText, unitCode,
            qualifier!.Value, source, quote, stored, row.File, row.Line);
    }

    /// <summary>
    /// Whether the quote prints the value: as written, or in full-width digits or with thousands separators (１,２３４.５),
    /// a fall's sign aside (下降3.5% holds -3.5).
    /// </summary>
    public static bool QuoteHolds(string quote, string valueText)
    {
        var digits = valueText.TrimStart('-', '+');
        if (quote.Contains(digits, StringComparison.Ordinal)) return true;
        var normalized = new string([.. quote.Select(Intake.ReportText.Normalize).Where(c => c is not (',' or '，'))]);
        return normalized.Contains(digits, StringComparison.Ordinal);
    }

    /// <summary>Whether the dates have the shape the period kind promises (a year is 1 January to 31 December, …).</summary>
    public static bool PeriodShapeFits(PeriodKind kind, DateOnly start, DateOnly end)
    {
        bool MonthEnd(DateOnly d) => d.AddDays(1).Day == 1;
        bool SameYear() => start.Year == end.Year;
        bool IsPlan(Func<PlanPeriod, bool> matches) => PlanPeriod.All.Any(matches);
        return kind switch
        {
            PeriodKind.Year => start == new DateOnly(start.Year, 1, 1) && end == new DateOnly(start.Year, 12, 31),
            PeriodKind.YtdMonth => SameYear() && start == new DateOnly(start.Year, 1, 1) && MonthEnd(end) && end.Month < 12,
            PeriodKind.HalfYear => SameYear() && ((start.Month, start.Day, end.Month, end.Day) is (1, 1, 6, 30) or (7, 1, 12, 31)),
            PeriodKind.Quarter => start.Day == 1 && start.Month % 3 == 1 && end == start.AddMonths(3).AddDays(-1),
            PeriodKind.PlanCumulative => IsPlan(p => p.Start == start && p.End == end),
            PeriodKind.PlanToDate => IsPlan(p => p.Start == start && end > start && end <= p.End),
            PeriodKind.AnnualAverage => start == new DateOnly(start.Year, 1, 1) && end.Year > start.Year,
            PeriodKind.Point => start == end,
            PeriodKind.Target => true,
            _ => false,
        };
    }

    private static string Unknown(string what, string code, IEnumerable<string> valid) => Reason.Unknown(what, code, NearestCodes.Find(code, valid));

    private static string? ArticleText(string? articlesDirectory, string? file) =>
        articlesDirectory is null || file is null || System.IO.Path.Combine(articlesDirectory, file) is not { } path || !System.IO.File.Exists(path)
            ? null : System.IO.File.ReadAllText(path);

    private static List<(SeedRow Row, T Value)> Unique<T>(IReadOnlyList<SeedRow> rows, string keyField, Func<SeedRow, string> key, Func<SeedRow, T> read)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(SeedRow, T)>();
        foreach (var row in rows)
        {
            var k = key(row);
            if (k.Length > 0 && seen.TryGetValue(k, out var first)) { row.Fail(keyField, Reason.Duplicate(first)); continue; }
            seen[k] = row.Line;
            result.Add((row, read(row)));
        }
        return result;
    }

    /// <summary>Orders rows so that each comes after the row it refers to (a park's parent, a rate's base indicator).</summary>
    private static List<T> ParentsFirst<T>(List<T> rows, Func<T, string> key, Func<T, string?> parent, string file)
    {
        var ordered = new List<T>();
        var placed = new HashSet<string>();
        while (ordered.Count < rows.Count)
        {
            var ready = rows.Where(r => !placed.Contains(key(r)) && (parent(r) is not { } p || placed.Contains(p))).ToList();
            if (ready.Count == 0) throw new SeedValidationException([new SeedError(file, 0, "-", Reason.Cycle)]);
            ordered.AddRange(ready);
            placed.UnionWith(ready.Select(key));
        }
        return ordered;
    }
}

/// <summary>
/// The catalogs an observation row is checked against: from the seed files, or from the database for an upload.
/// <see cref="Units"/> holds each unit under its code and under each of its aliases.
/// </summary>
internal sealed record ObservationContext(
    HashSet<string> Parks, Dictionary<string, UnitRow> Units, Dictionary<string, IndicatorRow> Indicators,
    Dictionary<string, EnterpriseRow> Enterprises, HashSet<string> Sources)
{
    /// <summary>The database's catalogs, as an upload or an import is checked against them.</summary>
    public static async Task<ObservationContext> FromDatabaseAsync(ParkMetricsDbContext db, CancellationToken ct)
    {
        var catalog = await CatalogRows.LoadAsync(db, ct);
        return new ObservationContext(
            [.. catalog.Parks.Select(p => p.Code)], UnitLookup.ByCodeAndAlias(catalog.Units), catalog.Indicators.ToDictionary(i => i.Code),
            catalog.Enterprises.ToDictionary(e => e.Name), [.. await db.Sources.Select(s => s.Code).ToListAsync(ct)]);
    }

    // A large file may repeat one wrong code on many rows: its nearest codes are looked for once.
    private readonly Dictionary<(string What, string Code), IReadOnlyList<string>> nearest = [];

    /// <summary>Why <paramref name="code"/> is refused, naming the nearest of the <paramref name="valid"/> codes.</summary>
    public string Unknown(string what, string code, IEnumerable<string> valid)
    {
        if (!nearest.TryGetValue((what, code), out var found)) nearest[(what, code)] = found = NearestCodes.Find(code, valid);
        return Reason.Unknown(what, code, found);
    }
}
