using System.Globalization;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Web.Features.Checks;

/// <summary>A report a figure comes from: title, dates and where to read it with the figure marked.</summary>
public sealed record CheckSourceJson(int Id, string Code, string Title, DateOnly? PublishedOn, DateOnly AsOf);

/// <summary>
/// A figure of a finding: its role, park, subject (an enterprise, else null), indicator, period kind and dates (with the
/// period in words), the value and unit as printed with the qualifier, the value in the indicator's unit, the quote and its report.
/// </summary>
public sealed record CheckFigureJson(
    long Id, string Role, string ParkCode, string ParkName, string? Subject, string IndicatorCode, string IndicatorName,
    string PeriodKind, DateOnly Start, DateOnly End, string Period, decimal ReportedValue, string ReportedUnit, string Qualifier, string Printed,
    decimal Value, string Unit, string Quote, CheckSourceJson Source, string? Url);

/// <summary>A finding: the rule, how sure, what the rule expects and what was reported, the sentence, and the figures.</summary>
public sealed record FindingJson(
    string Key, string Rule, string Severity, string Expected, string Reported, double ExpectedValue, double? ExpectedLow, double? ExpectedHigh, double? ReportedValue,
    string Unit, string Sentence, string SentenceZh, string SentenceEn, IReadOnlyList<CheckFigureJson> Figures);

/// <summary><c>GET /api/checks</c>: how many findings match, when the checks ran over how many figures, and the findings.</summary>
public sealed record ChecksResponse(int Total, DateTimeOffset RanAt, int FigureCount, IReadOnlyList<FindingJson> Findings);

public static class ChecksJson
{
    /// <summary>Where a figure is read in its report, with its number marked (a figure not stored yet has none).</summary>
    public static string? FigureUrl(CheckedFigure f) =>
        f.IsCandidate ? null : string.Create(CultureInfo.InvariantCulture, $"/sources/{f.SourceId}?figure={f.Id}");

    public static FindingJson Of(Finding f, bool zh) => new(
        f.Key, EnumCode.Of(f.Rule), EnumCode.Of(f.Severity), f.ExpectedIn(zh), f.ReportedIn(zh), Math.Round(f.ExpectedValue, 6), f.ExpectedLow, f.ExpectedHigh, f.ReportedValue, f.Unit,
        f.Sentence(zh), f.SentenceZh, f.SentenceEn,
        [.. f.Figures.Select(x => Of(x, zh))]);

    /// <summary>A stored numeric(28,10) without its trailing zeros: 157, not 157.0000000000.</summary>
    public static decimal Trimmed(decimal value) => value / 1.000000000000000000000000000000000m;

    private static CheckFigureJson Of(FindingFigure x, bool zh)
    {
        var f = x.Figure;
        return new CheckFigureJson(f.Id, EnumCode.Of(x.Role), f.ParkCode, zh ? f.ParkNameZh : f.ParkNameEn, f.Enterprise, f.IndicatorCode,
            zh ? f.IndicatorNameZh : f.IndicatorNameEn, EnumCode.Of(f.PeriodKind), f.Start, f.End, FindingText.Period(f, zh),
            Trimmed(f.ReportedValue), f.ReportedUnit, EnumCode.Of(f.Qualifier), FindingText.Printed(f, zh), Trimmed(f.Value), f.Unit, f.Quote,
            new CheckSourceJson(f.SourceId, f.SourceCode, f.SourceTitle, f.SourcePublishedOn, f.SourceAsOf), FigureUrl(f));
    }
}
