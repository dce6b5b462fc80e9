using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Writing;

/// <summary>A rule a figure breaks: the field at fault and why, in the reader's language.</summary>
public sealed record RuleProblem(string Field, string Reason);

/// <summary>The rules every write of a figure follows, whatever its path.</summary>
internal static class FigureRules
{
    /// <summary>
    /// Null when a figure with <paramref name="quote"/> may be written under <paramref name="source"/>: a retired source
    /// takes no new figures (its existing ones may still be corrected), and where the source's text is known the quote
    /// must stand in it verbatim.
    /// </summary>
    public static RuleProblem? Check(string? quote, Source source, bool isNew)
    {
        if (isNew && source.RetiredAt is not null) return new("source", Reason.SourceRetired(source.Code));
        if (source.Text is not { } text) return null;
        if (string.IsNullOrWhiteSpace(quote)) return new("quote", Reason.QuoteRequiredBySource(source.Code));
        return QuoteVerifier.StandsIn(quote, text) ? null : new("quote", Reason.QuoteNotInSource(source.Code));
    }

    /// <summary>
    /// Whether a seed or a bulk import must leave <paramref name="stored"/> alone: an admin entered, corrected or deleted it.
    /// </summary>
    public static bool KeptFrom(WriteOrigin origin, Observation stored) =>
        origin is WriteOrigin.Seed or WriteOrigin.Import && (stored.EnteredBy is not null || stored.DeletedAt is not null);

    /// <summary>Whether the origin is an admin's own act, which marks the figure as theirs.</summary>
    public static bool ByAdmin(WriteOrigin origin) => origin is not (WriteOrigin.Seed or WriteOrigin.Import);

    /// <summary>The audit entry's reason: the origin, the file and the admin's words.</summary>
    public static string AuditReason(WriteOrigin origin, string? file, string? reason, IEnumerable<string> sourceTitles)
    {
        var words = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var text = origin switch
        {
            WriteOrigin.Seed => "seed",
            WriteOrigin.Import => $"import {file}",
            WriteOrigin.Upload => $"upload {file}" + (words is null ? "" : $": {words}"),
            WriteOrigin.Api => $"api {file}" + (words is null ? "" : $": {words}"),
            WriteOrigin.Intake => "intake: " + (words ?? string.Join("、", sourceTitles.Distinct())),
            WriteOrigin.Entry => words ?? "entry",
            WriteOrigin.Move => $"move {file}" + (words is null ? "" : $": {words}"),
            _ => words ?? "restore",
        };
        return text.Length <= Audit.MaxReason ? text : text[..Audit.MaxReason];
    }
}
