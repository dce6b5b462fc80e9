namespace ParkMetrics.Data.Seeding;

public static class UnitConversion
{
    /// <summary>
    /// Converts between units of one dimension. Factors are powers of ten or one, so decimal arithmetic is exact
    /// (亿元 → 万元 multiplies by 10000; 元 → 万元 divides by 10000).
    /// </summary>
    public static decimal Convert(decimal value, decimal fromFactor, decimal toFactor) =>
        fromFactor == toFactor ? value : value * fromFactor / toFactor;
}
