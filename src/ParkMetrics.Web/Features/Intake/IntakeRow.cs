using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Intake;

namespace ParkMetrics.Web.Features.Intake;

/// <summary>
/// One candidate in the review grid, as the admin edits it. A candidate with nothing left open starts accepted; one the
/// text leaves open (no period, no park, no indicator, a unit not in the catalog) waits for the admin's decision.
/// </summary>
/// <param name="knownUnit">Whether a unit is in the catalog (an edited unit may become known, or unknown).</param>
public sealed class IntakeRow(Candidate candidate, Func<string, bool> knownUnit)
{
    public Candidate Proposed { get; } = candidate;

    public Candidate Current { get; private set; } = candidate;

    public bool Accepted { get; set; } = !candidate.NeedsDecision;

    public bool Rejected => !Accepted;

    /// <summary>Why the writer refused the row, after a preview or an apply.</summary>
    public string? Outcome { get; set; }

    /// <summary>What the row does (insert, change, unchanged), after a preview or an apply without errors.</summary>
    public UploadAction? Action { get; set; }

    public bool NeedsDecision => Current.NeedsDecision;

    public string ValueText
    {
        get => (Current.Value < 0 ? "-" : "") + Current.ValueText;
        set => Edit(() => EntryValidation.TryParse(value, out var number)
            ? Current with { Value = number, ValueText = Math.Abs(number).ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : Current);
    }

    public string Unit { get => Current.Unit; set => Edit(() => Current with { Unit = value.Trim(), UnitKnown = knownUnit(value.Trim()) }); }

    public Qualifier Qualifier { get => Current.Qualifier; set => Edit(() => Current with { Qualifier = value }); }

    public MeasureKind Measure { get => Current.Measure; set => Edit(() => Current with { Measure = value }); }

    public PeriodKind? PeriodKind { get => Current.PeriodKind; set => Edit(() => Current with { PeriodKind = value }); }

    public DateOnly? PeriodStart { get => Current.PeriodStart; set => Edit(() => Current with { PeriodStart = value }); }

    public DateOnly? PeriodEnd { get => Current.PeriodEnd; set => Edit(() => Current with { PeriodEnd = value }); }

    public string? ParkCode { get => Current.ParkCode; set => Edit(() => Current with { ParkCode = Blank(value) }); }

    public string? Enterprise { get => Current.Enterprise; set => Edit(() => Current with { Enterprise = Blank(value) }); }

    public string? IndicatorCode { get => Current.IndicatorCode; set => Edit(() => Current with { IndicatorCode = Blank(value) }); }

    /// <summary>A choice of the admin's is a decision: the row is then accepted unless it is still missing something.</summary>
    private void Edit(Func<Candidate> change)
    {
        Current = change();
        Outcome = null;
        Action = null;
        if (!Current.NeedsDecision) Accepted = true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
