namespace ParkMetrics.Data.Entities;

/// <summary>
/// A unit as newspapers print it (亿元, 万元, 户, 吉瓦 …). Units of one dimension convert exactly through
/// <see cref="Factor"/>, the number of the dimension's base unit in one of this unit.
/// </summary>
public class MeasurementUnit
{
    public required string Code { get; set; }
    public required string Dimension { get; set; }
    public decimal Factor { get; set; }
    /// <summary>Other spellings of the unit: traditional forms (億元, 萬噸) and synonyms (GW for 吉瓦).</summary>
    public List<string> Aliases { get; set; } = [];
    public uint Version { get; set; }
}
