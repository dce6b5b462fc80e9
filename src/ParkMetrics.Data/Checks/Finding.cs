using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Checks;

/// <summary>The rules the figures are held to (see <see cref="ConsistencyRules"/>).</summary>
public enum CheckRule
{
    /// <summary>The components of a total add up to it (工业投资 + 非工业投资 = 固定资产投资); those reported never exceed it.</summary>
    Components,
    /// <summary>A part contained in a whole is not more than the whole.</summary>
    Subset,
    /// <summary>A share is its part divided by its base.</summary>
    Share,
    /// <summary>A share of a count is one count divided by another, or at least by some whole number.</summary>
    CountShare,
    /// <summary>A growth rate is the change between the levels of consecutive periods.</summary>
    Growth,
    /// <summary>An average annual growth rate joins the levels at both ends of its years.</summary>
    AverageGrowth,
    /// <summary>A plan's total is the sum of its years; the years reported never exceed it.</summary>
    PlanTotal,
    /// <summary>Part of a year (January to a month, a half) is not more than a longer part of it, or the year.</summary>
    PartOfYear,
    /// <summary>A target against the growth it requires from the latest level and the growth reported.</summary>
    Target,
    /// <summary>A series the text describes as rising (逐步提高) does not fall; one described as falling does not rise.</summary>
    Trend,
    /// <summary>Two reports of the same figure (subject, indicator, period) agree.</summary>
    SameFigure,
    /// <summary>The parks of a zone together do not exceed the zone.</summary>
    ParksInZone,
}

/// <summary>How sure a finding is that something is wrong.</summary>
public enum Severity
{
    /// <summary>The figures cannot all be true as printed.</summary>
    Contradiction,
    /// <summary>They can, but only on an unlikely reading (a different basis, a count that is not whole).</summary>
    Implausible,
    /// <summary>Worth a look: a forecast beside an actual, a target beside the growth reported.</summary>
    Note,
}

/// <summary>What a figure is in a finding.</summary>
public enum FigureRole { Total, Component, Whole, Part, Share, Base, Growth, Level, Earlier, Later, Year, PartOfYear, Target, Latest, Reported, Zone, ParkInZone, InSeries }

/// <summary>A figure as a finding shows it: what, whose, when, the value as printed, the quote and the report it comes from.</summary>
/// <param name="Id">The stored figure's id; 0 or less for a candidate row that is not stored yet.</param>
/// <param name="ValueText">The number as printed, where known (an upload's row); else the stored value without trailing zeros.</param>
public sealed record CheckedFigure(
    long Id, string ParkCode, string ParkNameZh, string ParkNameEn, string? Enterprise,
    string IndicatorCode, string IndicatorNameZh, string IndicatorNameEn, MeasureKind Measure, string Unit,
    PeriodKind PeriodKind, DateOnly Start, DateOnly End, decimal Value, decimal ReportedValue, string ReportedUnit, string? ValueText,
    Qualifier Qualifier, string Quote, int SourceId, string SourceCode, string SourceTitle, DateOnly? SourcePublishedOn, DateOnly SourceAsOf)
{
    public bool IsCandidate => Id <= 0;

    /// <summary>The number as printed: <see cref="ValueText"/>, else the stored value's plain digits.</summary>
    public string Printed => ValueText ?? Tolerance.Plain(ReportedValue);

    /// <summary>The natural key by codes, the same for a stored figure and a candidate row that would replace it.</summary>
    public string NaturalKey => string.Join('|', ParkCode, Enterprise, IndicatorCode, EnumCode.Of(PeriodKind), Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), SourceCode);
}

public sealed record FindingFigure(FigureRole Role, CheckedFigure Figure);

/// <summary>
/// One thing that does not add up: the rule, how sure, the figures with their quotes and reports, what the rule expects of
/// the figure it judges and what was reported (both in that figure's printed unit), and a sentence in Chinese and in English.
/// Nothing here changes a figure.
/// </summary>
/// <param name="Expected">What the rule expects, in Chinese (the judged figure's printed unit); <see cref="ExpectedEn"/> in English.</param>
/// <param name="Reported">The judged figure as printed, in Chinese; <see cref="ReportedEn"/> in English.</param>
/// <param name="Key">Stable while the same figures (by natural key) break the same rule: a candidate's new findings are the keys not yet found.</param>
/// <param name="ExpectedValue">What the rule expects, computed from the numbers as printed, in <see cref="Unit"/> (for a share of a count with no count of the whole: the whole count the share implies).</param>
/// <param name="ExpectedLow">What the rule expects, lower end, in <see cref="Unit"/>; null when open.</param>
/// <param name="ReportedValue">The judged figure (or figures, hulled across reports) as printed, middle of its reading, in <see cref="Unit"/>.</param>
public sealed record Finding(
    string Key, CheckRule Rule, Severity Severity, IReadOnlyList<FindingFigure> Figures,
    string Expected, string Reported, double ExpectedValue, double? ExpectedLow, double? ExpectedHigh, double? ReportedValue, string Unit,
    string SentenceZh, string SentenceEn)
{
    /// <summary><see cref="Expected"/> in English (money in CNY, “at least” for an open end).</summary>
    public string ExpectedEn { get; init; } = Expected;

    /// <summary><see cref="Reported"/> in English.</summary>
    public string ReportedEn { get; init; } = Reported;

    public string ExpectedIn(bool chinese) => chinese ? Expected : ExpectedEn;

    public string ReportedIn(bool chinese) => chinese ? Reported : ReportedEn;

    public IEnumerable<string> ParkCodes => Figures.Select(f => f.Figure.ParkCode).Distinct(StringComparer.Ordinal);

    public bool Involves(long figureId) => Figures.Any(f => f.Figure.Id == figureId);

    public bool InvolvesCandidate => Figures.Any(f => f.Figure.IsCandidate);

    public string Sentence(bool chinese) => chinese ? SentenceZh : SentenceEn;
}
