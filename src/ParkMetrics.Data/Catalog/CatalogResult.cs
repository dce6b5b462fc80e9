namespace ParkMetrics.Data.Catalog;

public enum CatalogOutcome { Saved, Invalid, Conflict, NotFound }

/// <summary>A problem with one field of a form, said in the reader's language and naming the field's label.</summary>
/// <param name="Field">The field's name in the form (<see cref="FormField.Name"/>), so the page can show it there.</param>
public sealed record FieldError(string Field, string Message);

/// <summary>What became of a catalog write: saved (with the entry's id or code), refused with reasons, or overtaken.</summary>
public sealed record CatalogResult(CatalogOutcome Outcome, int? Id = null, string? Code = null)
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public bool Saved => Outcome == CatalogOutcome.Saved;

    public static CatalogResult Conflict { get; } = new(CatalogOutcome.Conflict);

    public static CatalogResult NotFound { get; } = new(CatalogOutcome.NotFound);

    public static CatalogResult Invalid(IReadOnlyList<FieldError> errors) => new(CatalogOutcome.Invalid) { Errors = errors };

    public static CatalogResult Invalid(FieldError error) => Invalid([error]);
}
