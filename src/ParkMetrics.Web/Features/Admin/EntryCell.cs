using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Web.Features.Admin;

/// <summary>What the admin has typed in one row of the entry grid, and what the checks say about it.</summary>
/// <param name="sourcesWithText">The sources whose text is known: a figure from one of them needs a quote.</param>
public sealed class EntryCell(EntryRow row, int defaultSourceId, IReadOnlySet<int> sourcesWithText)
{
    public EntryRow Row { get; } = row;
    public string Text { get; set; } = row.Value is { } v ? FigureText.Number(v) : "";
    public Qualifier Qualifier { get; set; } = row.Qualifier;
    public string? Note { get; set; } = row.Note;
    public int SourceId { get; set; } = row.SourceId ?? defaultSourceId;
    public string Quote { get; set; } = row.Quote ?? "";
    public bool QuoteRequired => sourcesWithText.Contains(SourceId);
    public bool Confirmed { get; set; }
    public string? Reason { get; set; }
    public string? Error { get; private set; }
    public EntryConflict? Conflict { get; set; }

    public bool IsDeletion => Row.ObservationId is not null && string.IsNullOrWhiteSpace(Text);

    public bool IsChanged =>
        (Row.ObservationId is null ? !string.IsNullOrWhiteSpace(Text) : Text != (Row.Value is { } v ? FigureText.Number(v) : ""))
        || Row.ObservationId is not null && (Qualifier != Row.Qualifier || (Note ?? "") != (Row.Note ?? "") || SourceId != Row.SourceId
            || Quote.Trim() != (Row.Quote ?? ""));

    public decimal? Parsed => EntryValidation.TryParse(Text, out var value) ? value : null;

    public bool NeedsConfirmation => Parsed is { } value && EntryValidation.IsLargeChange(Row.Previous, value, Row.Measure);

    /// <summary>Runs the checks; true when the row may be saved.</summary>
    public bool Validate()
    {
        Error = null;
        if (!IsChanged) return true;
        if (IsDeletion)
        {
            if (string.IsNullOrWhiteSpace(Reason)) Error = EntryValidation.DeleteReasonRequired;
            return Error is null;
        }
        if (Parsed is not { } value) Error = EntryValidation.NotANumber;
        else if (EntryValidation.Check(value, Row.Measure) is { } problem) Error = problem;
        else if (NeedsConfirmation && (!Confirmed || string.IsNullOrWhiteSpace(Reason))) Error = EntryValidation.ReasonRequired;
        else if (QuoteRequired && string.IsNullOrWhiteSpace(Quote)) Error = EntryValidation.QuoteRequired;
        return Error is null;
    }

    /// <summary>Shows why the writer refused the row (its quote is not in the source's text, the source is retired).</summary>
    public void Refuse(string message) => Error = message;

    public EntryChange ToChange() =>
        new(Row.IndicatorId, Row.ObservationId, Row.Version, IsDeletion ? null : Parsed, Qualifier, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
            SourceId, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), Quote.Trim());
}
