using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Intake;

/// <summary>What the text leaves open about a candidate, for the admin to decide; nothing here is guessed silently.</summary>
public enum CandidateNote
{
    /// <summary>The text names no period for the figure.</summary>
    PeriodNotStated,
    /// <summary>A stock with no period in the text, read as of the report's date.</summary>
    PointAtReportDate,
    /// <summary>The text never states the year; it was taken from the report's date.</summary>
    YearFromReportDate,
    /// <summary>The report's date is unknown, so 今年/目前 cannot be dated.</summary>
    ReportDateUnknown,
    /// <summary>No park or enterprise is named near the figure; the report's main park was taken.</summary>
    SubjectFromReport,
    /// <summary>No park or enterprise of the catalog is named in the report.</summary>
    SubjectNotStated,
    /// <summary>No indicator of the catalog fits; a new one is proposed from the words before the number.</summary>
    NewIndicator,
    /// <summary>The unit is not in the catalog.</summary>
    NewUnit,
    /// <summary>A list after 分别 could not be paired with the subjects or years it refers to.</summary>
    RespectivelyUnpaired,
    /// <summary>The period is a quarter or a span the model has no kind for.</summary>
    PeriodNotSupported,
    /// <summary>A fall (下降, 减少) was read as a negative value.</summary>
    NegativeFromWording,
    /// <summary>The figure both forecasts and qualifies (预计超过): the forecast was kept, the other word is in the quote.</summary>
    QualifierAlsoPrinted,
}

/// <summary>One figure the intake found in a report, for an admin to accept, edit or reject.</summary>
/// <param name="Index">Position among the report's candidates, from 1.</param>
/// <param name="NumberStart">Where the number stands in the original text.</param>
/// <param name="ValueText">The number as printed, in ASCII digits without thousands separators (<c>993.1</c>).</param>
/// <param name="Unit">The unit as the catalog spells it (<c>万吨</c> for a printed <c>萬噸</c>), or as printed when it is new.</param>
/// <param name="IndicatorCode">The best-matching indicator, or null when a new one is proposed.</param>
/// <param name="IndicatorName">The matched indicator's name, or the proposed name taken from the words before the number.</param>
/// <param name="Quote">The whole clause holding the number, verbatim from the original text (at most 80 characters).</param>
public sealed record Candidate(
    int Index,
    int NumberStart,
    string ValueText,
    decimal Value,
    string Unit,
    bool UnitKnown,
    Qualifier Qualifier,
    MeasureKind Measure,
    PeriodKind? PeriodKind,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string? ParkCode,
    string? Enterprise,
    string? IndicatorCode,
    string IndicatorName,
    string Quote,
    int QuoteStart,
    IReadOnlyList<CandidateNote> Notes)
{
    /// <summary>Whether the admin must decide something before the candidate can be applied.</summary>
    public bool NeedsDecision => PeriodKind is null || ParkCode is null || IndicatorCode is null || !UnitKnown;
}
