using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Data.Catalog;

/// <summary>
/// The end of every catalog write: save the change, then its audit entry, commit both, and forget the cached reads. A
/// race the checks before could not see (two admins taking one code, a figure added to a source being deleted) comes
/// back as a refusal naming the field, never as a database exception.
/// </summary>
internal static class CatalogWrite
{
    /// <param name="audit">The audit entry, built once the change is saved (an insert's id is known only then); null when nothing changed.</param>
    /// <param name="codeTaken">The refusal when a unique index turns the change down.</param>
    /// <param name="inUse">The refusal when a foreign key turns it down.</param>
    public static async Task<CatalogResult> CommitAsync(ParkMetricsDbContext db, IDbContextTransaction transaction, Func<AuditEntry?> audit,
        Func<CatalogResult> saved, FieldError? codeTaken, FieldError? inUse, CatalogQueries catalog, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            if (audit() is { } entry)
            {
                db.AuditEntries.Add(entry);
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CatalogResult.Conflict;
        }
        catch (DbUpdateException e) when (codeTaken is not null && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CatalogResult.Invalid(codeTaken);
        }
        catch (DbUpdateException e) when (inUse is not null && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            return CatalogResult.Invalid(inUse);
        }
        await catalog.InvalidateAsync(CancellationToken.None);
        return saved();
    }

    /// <summary>
    /// Loads <paramref name="entity"/>'s row version check: the update or delete applies only if nobody saved the row
    /// since the admin opened it.
    /// </summary>
    public static void ExpectVersion<T>(ParkMetricsDbContext db, T entity, uint version) where T : class =>
        db.Entry(entity).Property<uint>("Version").OriginalValue = version;

    /// <summary>Checks the optional reason an admin gives for a change (the audit's column holds 500 characters).</summary>
    public static string? Reason(FormChecks checks, string? reason) => checks.Optional(FormField.Reason, reason, 500);
}
