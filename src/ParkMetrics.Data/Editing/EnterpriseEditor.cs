using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Writing;

namespace ParkMetrics.Data.Editing;

public sealed record EnterpriseForm(int? Id, uint? Version, string Name, string ParkCode, string? Sector, IReadOnlyList<string> Aliases, IReadOnlyList<string> Designations);

public sealed record EnterpriseRecord(int Id, uint Version, string Name, string ParkCode, string? Sector, IReadOnlyList<string> Aliases, IReadOnlyList<string> Designations);

public enum EnterpriseSaveStatus { Saved, NameTaken, Conflict, UnknownPark, Invalid }

/// <param name="Errors">Why an <see cref="EnterpriseSaveStatus.Invalid"/> form was refused, field by field.</param>
public sealed record EnterpriseSaveResult(EnterpriseSaveStatus Status, IReadOnlyList<FieldError> Errors)
{
    public static implicit operator EnterpriseSaveResult(EnterpriseSaveStatus status) => new(status, []);
}

/// <summary>
/// Creates, renames and moves enterprises, with an audit entry per change and row-version conflicts. Moving an
/// enterprise to another park moves its figures with it, each with an audit entry of its own.
/// </summary>
public sealed class EnterpriseEditor(IDbContextFactory<ParkMetricsDbContext> contexts)
{
    public static readonly FormField NameField = new("name", "企业名称", "Name");
    public static readonly FormField SectorField = new("sector", "行业", "Sector");
    public static readonly FormField DesignationsField = new("designations", "称号", "Designations");

    public async Task<IReadOnlyList<EnterpriseRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Enterprises.AsNoTracking().OrderBy(e => e.Park.Code).ThenBy(e => e.Name)
            .Select(e => new EnterpriseRecord(e.Id, e.Version, e.Name, e.Park.Code, e.Sector, e.Aliases, e.Designations)).ToListAsync(ct);
    }

    public async Task<EnterpriseSaveResult> SaveAsync(EnterpriseForm form, string user, string? reason, CancellationToken ct = default)
    {
        // The lengths of Configurations/EnterpriseConfiguration.cs and of an audit entry's reason.
        var checks = new FormChecks();
        var name = checks.Required(NameField, form.Name, 200);
        var sector = checks.Optional(SectorField, form.Sector, 100);
        var aliases = checks.List(FormField.Aliases, form.Aliases, 200);
        var designations = checks.List(DesignationsField, form.Designations, 100);
        reason = checks.Optional(FormField.Reason, reason, Audit.MaxReason);
        if (checks.Failed) return new EnterpriseSaveResult(EnterpriseSaveStatus.Invalid, checks.Errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
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
        enterprise.Sector = sector;
        enterprise.Aliases = aliases;
        enterprise.Designations = designations;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EnterpriseSaveStatus.Conflict;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return EnterpriseSaveStatus.NameTaken; // another admin saved the same name between our check and our save
        }
        var now = DateTimeOffset.UtcNow;
        // An enterprise's figures belong to its park: moving it moves them, each with its own audit entry.
        if (form.Id is not null) await FigureWriter.MoveEnterpriseFiguresAsync(db, enterprise, user, reason, now, ct);
        var after = Audit.Snapshot(enterprise);
        if (after != before)
            db.AuditEntries.Add(Audit.Entry(Audit.EnterpriseType, enterprise.Id, before is null ? AuditAction.Insert : AuditAction.Update, user, before, after, reason, now));
        await db.SaveChangesAsync(ct);
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
