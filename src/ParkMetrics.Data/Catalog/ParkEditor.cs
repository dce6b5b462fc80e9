using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Data.Catalog;

/// <summary>A park, zone or region as an admin registers or edits it; a blank code is generated from the English name.</summary>
public sealed record ParkForm(int? Id, uint? Version, string? Code, string? NameZh, string? NameEn, ParkKind Kind, string? ParentCode, IReadOnlyList<string> Aliases);

public sealed record ParkRecord(int Id, uint Version, string Code, string NameZh, string NameEn, ParkKind Kind, string? ParentCode,
    IReadOnlyList<string> Aliases, int FigureCount);

/// <summary>Registers and edits parks, zones and regions, with an audit entry per change; a code figures use does not change.</summary>
public sealed class ParkEditor(IDbContextFactory<ParkMetricsDbContext> contexts, CatalogQueries catalog)
{
    private const int CodeLength = 32, NameZhLength = 100, NameEnLength = 200, AliasLength = 100;

    public async Task<IReadOnlyList<ParkRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Observations.GroupBy(o => o.ParkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count, ct);
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new ParkRecord(p.Id, p.Version, p.Code, p.NameZh, p.NameEn, p.Kind, p.Parent == null ? null : p.Parent.Code, p.Aliases, 0))
            .ToListAsync(ct);
        return [.. parks.Select(p => p with { FigureCount = counts.GetValueOrDefault(p.Id) })];
    }

    public async Task<CatalogResult> SaveAsync(ParkForm form, string user, string? reason, CancellationToken ct = default)
    {
        var checks = new FormChecks();
        var code = checks.Code(FormField.Code, form.Code, CodeLength);
        var nameZh = checks.Required(FormField.NameZh, form.NameZh, NameZhLength);
        var nameEn = checks.Required(FormField.NameEn, form.NameEn, NameEnLength);
        if (!Enum.IsDefined(form.Kind)) checks.Fail(FormField.Kind, CatalogMessages.Choose(FormField.Kind));
        var parentCode = string.IsNullOrWhiteSpace(form.ParentCode) ? null : form.ParentCode.Trim();
        var aliases = checks.List(FormField.Aliases, form.Aliases, AliasLength);
        reason = CatalogWrite.Reason(checks, reason);
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var parks = await db.Parks.ToListAsync(ct); // a handful: every park is needed for the parent chain and the codes
        Park park;
        string? before = null;
        if (form.Id is { } id)
        {
            var existing = parks.SingleOrDefault(p => p.Id == id);
            if (existing is null) return CatalogResult.NotFound;
            if (existing.Version != form.Version) return CatalogResult.Conflict;
            CatalogWrite.ExpectVersion(db, existing, form.Version.Value);
            if (code is not null && code != existing.Code && await db.Observations.IgnoreQueryFilters().AnyAsync(o => o.ParkId == id, ct))
                checks.Fail(FormField.Code, CatalogMessages.CodeFixed(existing.Code));
            before = CatalogAudit.Snapshot(existing);
            park = existing;
        }
        else
        {
            park = new Park { Code = "", NameZh = nameZh, NameEn = nameEn };
            db.Parks.Add(park);
        }
        var codes = parks.Where(p => p != park).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        if (code is not null && codes.Contains(code)) checks.Fail(FormField.Code, CatalogMessages.CodeTaken(code));
        var parent = parentCode is null ? null : parks.FirstOrDefault(p => p.Code == parentCode);
        if (parentCode is not null && parent is null) checks.Fail(FormField.Parent, CatalogMessages.Unknown(FormField.Parent, parentCode));
        else if (parent is not null && IsWithin(parent, park))
            checks.Fail(FormField.Parent, $"“{parent.NameZh}”属于“{nameZh}”，不能作为其上级。", $"'{parent.NameEn}' is part of '{nameEn}' and cannot be its parent.");
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);

        park.Code = code ?? (park.Code.Length > 0 ? park.Code : CodeGenerator.FromName(nameEn, CodeLength, codes.Contains, "park"));
        (park.NameZh, park.NameEn, park.Kind, park.Parent, park.Aliases) = (nameZh, nameEn, form.Kind, parent, aliases);
        return await CatalogWrite.CommitAsync(db, transaction, () => Audit(park, before, user, reason), () => new(CatalogOutcome.Saved, park.Id, park.Code),
            CatalogMessages.Error(FormField.Code, CatalogMessages.CodeTaken(park.Code)), null, catalog, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == CatalogAudit.ParkType && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="park"/> or lies under it (a parent there would make a cycle).</summary>
    private static bool IsWithin(Park candidate, Park park)
    {
        var seen = new HashSet<Park>(ReferenceEqualityComparer.Instance);
        for (Park? p = candidate; p is not null && seen.Add(p); p = p.Parent)
            if (ReferenceEquals(p, park)) return true;
        return false;
    }

    private static AuditEntry? Audit(Park park, string? before, string user, string? reason)
    {
        var after = CatalogAudit.Snapshot(park);
        return after == before ? null : CatalogAudit.Entry(CatalogAudit.ParkType, park.Id, null, before, after, user, reason);
    }
}
