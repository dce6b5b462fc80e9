using System.Globalization;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Tests.Checks;

/// <summary>
/// Small constructed sets of figures over the real seed's catalog (its parks, indicators, units, sources and declared
/// relationships), each figure built as an upload's row is, and checked without a database.
/// </summary>
internal sealed class TestFigures(CheckCatalog? catalog = null)
{
    private readonly CheckCatalog catalog = catalog ?? SeedChecks.Catalog;
    private readonly List<CheckedFigure> figures = [];

    public static (string Start, string End) Year(int year) => ($"{year}-01-01", $"{year}-12-31");

    public static (string Start, string End) Plan14 => ("2021-01-01", "2025-12-31");

    /// <summary>The seed's catalog with more relationships, for rules the seed declares no pair for.</summary>
    public static CheckCatalog WithRelationships(params CheckRelationship[] extra)
    {
        var c = SeedChecks.Catalog;
        return new CheckCatalog
        {
            Indicators = c.Indicators, Parks = c.Parks, Enterprises = c.Enterprises, Sources = c.Sources, UnitFactors = c.UnitFactors,
            Relationships = [.. c.Relationships, .. extra],
        };
    }

    public static int Indicator(string code) => SeedChecks.Catalog.IndicatorId(code)!.Value;

    public CheckedFigure Add(string park, string indicator, PeriodKind kind, (string Start, string End) period, string value, string unit,
        Qualifier qualifier = Qualifier.Exact, string? quote = null, string source = "dongchuan-fyp14", string? subject = null)
    {
        var factors = SeedChecks.Seed.Units.ToDictionary(u => u.Code, u => u.Factor);
        var reported = decimal.Parse(value, CultureInfo.InvariantCulture);
        var indicatorUnit = catalog.Indicators[catalog.IndicatorId(indicator)!.Value].Unit;
        var row = new ObservationRow(park, subject, indicator, kind, DateOnly.Parse(period.Start, CultureInfo.InvariantCulture),
            DateOnly.Parse(period.End, CultureInfo.InvariantCulture), reported, value, unit, qualifier, source, quote ?? value + unit,
            reported * factors[unit] / factors[indicatorUnit], "test.csv", figures.Count + 2);
        var figure = ConsistencyChecks.FromRow(row, figures.Count + 1, catalog) ?? throw new InvalidOperationException($"{park}/{indicator}/{source} is not in the catalog");
        figures.Add(figure);
        return figure;
    }

    public IReadOnlyList<Finding> Check(Func<int, string?>? sourceText = null) => ConsistencyChecks.Evaluate(figures, catalog, sourceText);

    public IReadOnlyList<CheckedFigure> All => figures;
}
