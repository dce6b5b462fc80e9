using System.Globalization;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Web;

/// <summary>
/// The rows of the real <c>data/seed</c> as the <see cref="Figure"/> records the pages receive: read with the tests'
/// own CSV reader, the value converted into the indicator's unit with the factors of <c>units.csv</c>, the plan the
/// period falls in attached as the importer does. No database is involved.
/// </summary>
internal static class SeedFigures
{
    private static readonly Lazy<IReadOnlyList<Figure>> Figures = new(Load);

    public static IReadOnlyList<Figure> All => Figures.Value;

    /// <summary>The one park-level (or, with <paramref name="subject"/>, enterprise) figure of the seed with this key.</summary>
    public static Figure Find(string park, string indicator, string periodKind, string start, string? subject = null)
    {
        var kind = EnumCode.Parse<PeriodKind>(periodKind);
        var from = DateOnly.Parse(start, CultureInfo.InvariantCulture);
        return All.Single(f => f.ParkCode == park && f.IndicatorCode == indicator && f.PeriodKind == kind && f.Start == from && f.Enterprise == subject);
    }

    /// <summary>Every figure of the seed for the indicator, parks and enterprises alike.</summary>
    public static IReadOnlyList<Figure> OfIndicator(string indicator) => [.. All.Where(f => f.IndicatorCode == indicator)];

    /// <summary>Every figure of the seed for the park, as <c>FigureQueries.ForParkAsync</c> returns them.</summary>
    public static IReadOnlyList<Figure> OfPark(string park) => [.. All.Where(f => f.ParkCode == park)];

    private static IReadOnlyList<Figure> Load()
    {
        static IReadOnlyList<CsvRecord> Read(string file) => Csv.ReadFile(Path.Combine(RepositoryPaths.Seed, file)).Records;
        var factors = Read("units.csv").ToDictionary(u => u["code"], u => decimal.Parse(u["factor"], CultureInfo.InvariantCulture));
        var dimensions = Read("units.csv").ToDictionary(u => u["code"], u => u["dimension"]);
        var indicators = Read("indicators.csv").ToDictionary(i => i["code"]);
        var parks = Read("parks.csv").ToDictionary(p => p["code"]);
        var sources = Read("sources.csv").Select((s, i) => (Record: s, Id: i + 1)).ToDictionary(s => s.Record["code"]);

        var figures = Read("observations.csv").Select(o =>
        {
            var indicator = indicators[o["indicator"]];
            var park = parks[o["park"]];
            var (source, sourceId) = sources[o["source"]];
            var start = DateOnly.Parse(o["period_start"], CultureInfo.InvariantCulture);
            var end = DateOnly.Parse(o["period_end"], CultureInfo.InvariantCulture);
            var reported = decimal.Parse(o["value"], NumberStyles.Number, CultureInfo.InvariantCulture);
            var plan = PlanPeriod.All.FirstOrDefault(p => p.Start <= start && end <= p.End);
            return new Figure
            {
                Id = o.Line,
                ParkCode = park["code"],
                ParkNameZh = park["name_zh"],
                ParkNameEn = park["name_en"],
                Enterprise = o["subject"].Length == 0 ? null : o["subject"],
                IndicatorCode = indicator["code"],
                IndicatorNameZh = indicator["name_zh"],
                IndicatorNameEn = indicator["name_en"],
                Category = indicator["category"],
                Measure = EnumCode.Parse<MeasureKind>(indicator["measure"]),
                Unit = indicator["unit"],
                UnitDimension = dimensions[indicator["unit"]],
                PeriodKind = EnumCode.Parse<PeriodKind>(o["period_kind"]),
                Start = start,
                End = end,
                PlanCode = plan?.Code,
                PlanNameZh = plan?.NameZh,
                PlanNameEn = plan?.NameEn,
                Value = UnitConversion.Convert(reported, factors[o["unit"]], factors[indicator["unit"]]),
                ReportedValue = reported,
                ReportedUnit = o["unit"],
                Qualifier = EnumCode.Parse<Qualifier>(o["qualifier"]),
                SourceId = sourceId,
                SourceTitle = source["title"],
                SourceOutlet = source["outlet"].Length == 0 ? null : source["outlet"],
                SourcePublishedOn = source["published_on"].Length == 0 ? null : DateOnly.Parse(source["published_on"], CultureInfo.InvariantCulture),
                SourceAsOf = DateOnly.Parse(source["as_of"], CultureInfo.InvariantCulture),
                Quote = o["quote"],
            };
        });
        // In the order FigureQueries returns them, which decides, for one, the order of a chart's series.
        return [.. figures.OrderBy(f => f.Category, StringComparer.Ordinal).ThenBy(f => f.IndicatorCode, StringComparer.Ordinal)
            .ThenBy(f => f.ParkCode, StringComparer.Ordinal).ThenBy(f => f.Start).ThenBy(f => f.End)];
    }
}

/// <summary>Figures made up for a case the seed does not hold; every field not given reads as an exact yearly park figure.</summary>
internal static class MadeUp
{
    public static Figure Figure(string indicator, decimal value, string unit, MeasureKind measure = MeasureKind.Level,
        PeriodKind kind = PeriodKind.Year, int year = 2023, Qualifier qualifier = Qualifier.Exact, string quote = "",
        string park = "beichuan", string? reportedUnit = null, decimal? reportedValue = null) => new()
        {
            ParkCode = park,
            ParkNameZh = park == "beichuan" ? "大通北川工业园区" : park,
            ParkNameEn = park == "beichuan" ? "Datong Beichuan Industrial Park" : park,
            IndicatorCode = indicator,
            IndicatorNameZh = indicator,
            IndicatorNameEn = indicator,
            Category = "output",
            Measure = measure,
            Unit = unit,
            UnitDimension = unit == "%" ? "percent" : "money",
            PeriodKind = kind,
            Start = new DateOnly(year, 1, 1),
            End = new DateOnly(year, 12, 31),
            Value = value,
            ReportedValue = reportedValue ?? value,
            ReportedUnit = reportedUnit ?? unit,
            Qualifier = qualifier,
            SourceTitle = "测试报道",
            SourceAsOf = new DateOnly(year + 1, 2, 1),
            Quote = quote,
        };
}
