using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Editing;

public sealed record EnterpriseForm(int? Id, uint? Version, string Name, string ParkCode, string? Sector, IReadOnlyList<string> Aliases, IReadOnlyList<string> Designations);

public sealed record EnterpriseRecord(int Id, uint Version, string Name, string ParkCode, string? Sector, IReadOnlyList<string> Aliases, IReadOnlyList<string> Designations);

public enum EnterpriseSaveStatus { Saved, NameTaken, Conflict, UnknownPark }

/// <summary>Creates, renames and moves enterprises, with an audit entry per change and row-version conflicts.</summary>
public sealed class EnterpriseEditor(IDbContextFactory<ParkMetricsDbContext> contexts)
{
    public async Task<IReadOnlyList<EnterpriseRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Enterprises.AsNoTracking().OrderBy(e => e.Park.Code).ThenBy(e => e.Name)
            .Select(e => new EnterpriseRecord(e.Id, e.Version, e.Name, e.Park.Code, e.Sector, e.Aliases, e.Designations)).ToListAsync(ct);
    }

    public async Task<EnterpriseSaveStatus> SaveAsync(EnterpriseForm form, string user, string? reason, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var name = form.Name.Trim();
        var park = await db.Parks.FirstOrDefaultAsync(p => p.Code == form.ParkCode, ct);
        if (park is null) return EnterpriseSaveStatus.UnknownPark;
        if (await db.Enterprises.AnyAsync(e => e.Name == name && e.Id != form.Id, ct)) return EnterpriseSaveStatus.NameTaken;

        Enterprise enterprise;
        string? before = null;
        if (form.Id is { } id)
        {
            var existing = await db.Enterprises.Include(e => e.Park).SingleOrDefaultAsync(e => e.Id == id, ct);
            if (existing is null || existing.Version != form.Version) return EnterpriseSaveStatus.Conflict;
            db.Entry(existing).Property(e => e.Version).OriginalValue = form.Version!.Value;
            before = Audit.Snapshot(existing);
            enterprise = existing;
        }
        else
        {
            enterprise = new Enterprise { Name = name };
            db.Enterprises.Add(enterprise);
        }
        enterprise.Name = name;
        enterprise.Park = park;
        enterprise.Sector = string.IsNullOrWhiteSpace(form.Sector) ? null : form.Sector.Trim();
        enterprise.Aliases = [.. form.Aliases.Select(a => a.Trim()).Where(a => a.Length > 0)];
        enterprise.Designations = [.. form.Designations.Select(d => d.Trim()).Where(d => d.Length > 0)];
        // An enterprise's figures belong to its park: moving it moves them.
        if (form.Id is not null)
            await db.Observations.IgnoreQueryFilters().Where(o => o.EnterpriseId == enterprise.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.ParkId, park.Id), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EnterpriseSaveStatus.Conflict;
        }
        var after = Audit.Snapshot(enterprise);
        if (after != before)
        {
            db.AuditEntries.Add(Audit.Entry(Audit.EnterpriseType, enterprise.Id, before is null ? AuditAction.Insert : AuditAction.Update, user, before, after, reason,
                DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return EnterpriseSaveStatus.Saved;
    }

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int enterpriseId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == Audit.EnterpriseType && a.EntityId == enterpriseId)
            .OrderByDescending(a => a.At).ToListAsync(ct);
    }
}
