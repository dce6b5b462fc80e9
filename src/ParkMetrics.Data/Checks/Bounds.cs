namespace ParkMetrics.Data.Checks;

/// <summary>
/// The values a printed figure can stand for: from its rounding (18.5% is 18.45–18.55%) and its qualifier (超 has no upper
/// end). Infinite ends are open. Arithmetic widens honestly: a sum's ends are the sums of the ends, a quotient's the
/// extreme quotients, so a relation that holds for some reading of every figure is never said to fail.
/// </summary>
public readonly record struct Bounds(double Low, double High)
{
    /// <summary>Two ends closer than this part of their size are one: doubles must not turn a rounding edge into a finding.</summary>
    private const double Slack = 1e-9;

    public static Bounds Exactly(double value) => new(value, value);

    public static Bounds Empty { get; } = new(double.PositiveInfinity, double.NegativeInfinity);

    public bool IsEmpty => Low > High;

    public bool IsBounded => !double.IsInfinity(Low) && !double.IsInfinity(High);

    public double Middle => IsBounded ? (Low + High) / 2 : double.IsInfinity(Low) ? High : Low;

    public static Bounds operator +(Bounds a, Bounds b) => new(a.Low + b.Low, a.High + b.High);

    public static Bounds operator -(Bounds a, Bounds b) => new(a.Low - b.High, a.High - b.Low);

    /// <summary>The smallest bounds holding both: a figure two reports give differently can be either.</summary>
    public Bounds Hull(Bounds other) => IsEmpty ? other : other.IsEmpty ? this : new(Math.Min(Low, other.Low), Math.Max(High, other.High));

    /// <summary>This divided by <paramref name="divisor"/>, both at or above zero; null when the divisor may be zero.</summary>
    public Bounds? DividedBy(Bounds divisor)
    {
        if (divisor.Low <= 0 || Low < 0) return null;
        return new(Low / divisor.High, double.IsInfinity(divisor.Low) ? double.PositiveInfinity : High / divisor.Low);
    }

    public Bounds Times(double factor) => factor >= 0 ? new(Low * factor, High * factor) : new(High * factor, Low * factor);

    /// <summary>The image under an increasing function (a growth rate from a ratio of levels).</summary>
    public Bounds Map(Func<double, double> increasing) => new(increasing(Low), increasing(High));

    /// <summary>Whether some value lies in both, allowing for the last digits of a double.</summary>
    public bool Meets(Bounds other) => !Below(this, other) && !Below(other, this);

    /// <summary>Whether every value of <paramref name="a"/> lies under every value of <paramref name="b"/>.</summary>
    public static bool Below(Bounds a, Bounds b) => a.High < b.Low - Slack * Scale(a.High, b.Low);

    private static double Scale(double x, double y)
    {
        var scale = Math.Max(Math.Abs(x), Math.Abs(y));
        return double.IsInfinity(scale) ? 0 : Math.Max(scale, 1);
    }
}
