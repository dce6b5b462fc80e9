namespace ParkMetrics.Data.Seeding;

public static class UnitConversion
{
    /// <summary>
    /// Converts between units of one dimension. Factors are powers of ten or one, so decimal arithmetic is exact
    /// (亿元 → 万元 multiplies by 10000; 元 → 万元 divides by 10000).
    /// </summary>
    public static decimal Convert(decimal value, decimal fromFactor, decimal toFactor) =>
        fromFactor == toFactor ? value : value * fromFactor / toFactor;

    /// <summary>Largest magnitude a stored value may have: numeric(28,10) keeps 18 digits before the point.</summary>
    public const decimal MaxStored = 999_999_999_999_999_999.9999999999m;

    /// <summary>
    /// The value in the stored unit, or null when it would not be kept exactly: beyond numeric(28,10)'s range, or with
    /// more than ten decimals (PostgreSQL would round it, and the next seed would see a change that is not there).
    /// </summary>
    public static decimal? TryConvertToStored(decimal value, decimal fromFactor, decimal toFactor)
    {
        try
        {
            var converted = Convert(value, fromFactor, toFactor);
            return Math.Abs(converted) <= MaxStored && converted == Math.Round(converted, 10) ? converted : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
