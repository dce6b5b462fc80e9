namespace ParkMetrics.Data.Seeding;

public static class UnitLookup
{
    /// <summary>Each unit under its code and under each of its aliases (億元 and 亿元 both find 亿元); a code wins over an alias.</summary>
    public static Dictionary<string, UnitRow> ByCodeAndAlias(IEnumerable<UnitRow> units)
    {
        var list = units.ToList();
        var lookup = new Dictionary<string, UnitRow>(StringComparer.Ordinal);
        foreach (var unit in list)
            foreach (var alias in unit.Aliases)
                lookup.TryAdd(alias, unit);
        foreach (var unit in list) lookup[unit.Code] = unit;
        return lookup;
    }
}
