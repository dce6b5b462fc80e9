using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Writing;

public sealed partial class FigureWriter
{
    /// <summary>
    /// Writes a checked <see cref="SeedSet"/> in one transaction, matching rows on their natural keys, so that running it
    /// again changes nothing. The seed owns the figures it loaded: one that is no longer in the seed is deleted. A figure
    /// an admin entered, corrected or deleted is kept as it is and counted in <see cref="SeedResult.Kept"/>. A quote that
    /// does not stand in its source's text (from the articles folder) refuses the whole seed.
    /// </summary>
    /// <exception cref="SeedValidationException">A figure breaks a rule; nothing was written.</exception>
    public async Task<SeedResult> SeedAsync(SeedSet seed, string user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var catalog = await SeedCatalog.UpsertAsync(db, seed, user, ct);
        var batch = await PlanAsync(db, seed.Observations, WriteOrigin.Seed, ct);
        if (batch.Errors.Count > 0) throw new SeedValidationException(batch.Errors);

        var seedSources = seed.Sources.Select(s => s.Code).ToList();
        var planned = batch.Figures.Select(f => f.Existing?.Id).OfType<long>().ToList();
        // Only the figures to delete are read, not every figure of the seed's sources.
        var stale = await db.Observations.Where(o => seedSources.Contains(o.Source.Code) && o.EnteredBy == null && !planned.Contains(o.Id)).ToListAsync(ct);
        await ApplyAsync(db, batch, new RowsWrite(WriteOrigin.Seed, user, File: null, Reason: null, Apply: true), stale, ct);
        await CommitAsync(tx, ct);
        return new SeedResult(catalog.Inserted + batch.Count(FigureAction.Insert), catalog.Updated + batch.Count(FigureAction.Change),
            catalog.Unchanged + batch.Count(FigureAction.Unchanged), catalog.Deleted + stale.Count, batch.Count(FigureAction.Kept));
    }
}
