using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Checks;

/// <summary>A relationship as an admin fills it in: codes as in <c>relationships.csv</c> (<c>base_park</c>: empty, <c>parent</c> or a park's code).</summary>
public sealed record RelationshipForm(string? Kind, string? Indicator, string? Part, string? Base, string? BasePark, string? Note);

/// <summary>A relationship as the list shows it, with where it comes from (the seed, an admin, or the catalog's base of a growth rate).</summary>
public sealed record RelationshipView(int? Id, RelationshipKind Kind, CheckIndicator Indicator, CheckIndicator? Part, CheckIndicator? Base,
    CheckPark? BasePark, bool BaseOnParent, RelationshipOrigin Origin, string? Note, string? CreatedBy);

/// <summary>
/// The relationships the checks use, listed, and added or removed by an admin: checked by the same rules as the seed's
/// file (<see cref="SeedSet"/>), written with an audit entry in the same transaction, and the read cache (and so the
/// findings) renewed. The seed's own relationships change only through the file.
/// </summary>
public sealed class RelationshipEditor(IDbContextFactory<ParkMetricsDbContext> contexts, QueryCache cache)
{
    public const string AuditType = "relationship";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<RelationshipView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var catalog = await CheckCatalog.LoadAsync(db, ct);
        CheckIndicator? Indicator(int? id) => id is { } i ? catalog.Indicators.GetValueOrDefault(i) : null;
        return [.. catalog.Relationships
            .Select(r => new RelationshipView(r.Id, r.Kind, catalog.Indicators[r.IndicatorId], Indicator(r.PartId), Indicator(r.BaseId),
                r.BaseParkId is { } p ? catalog.Parks.GetValueOrDefault(p) : null, r.BaseOnParent, r.Origin, r.Note, r.CreatedBy))
            .OrderBy(r => r.Kind).ThenBy(r => r.Indicator.Code, StringComparer.Ordinal).ThenBy(r => r.Part?.Code, StringComparer.Ordinal)];
    }

    /// <summary>Adds the relationship, audited, or says field by field why not (an unknown code, a measure that does not fit, one already there).</summary>
    public async Task<CatalogResult> AddAsync(RelationshipForm form, string user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var errors = new SeedErrors();
        var fields = new Dictionary<string, string>
        {
            ["kind"] = form.Kind ?? "", ["indicator"] = form.Indicator ?? "", ["part"] = form.Part ?? "", ["base"] = form.Base ?? "",
            ["base_park"] = form.BasePark ?? "", ["note"] = form.Note ?? "",
        };
        var context = await ObservationContext.FromDatabaseAsync(db, ct);
        var parks = (await db.Parks.Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = SeedSet.ReadRelationships([new SeedRow("form", 0, fields, errors)], context, parks);
        if (errors.Count > 0 || rows.Count == 0) return CatalogResult.Invalid([.. errors.Select(e => new FieldError(e.Field, e.Reason))]);
        var row = rows[0];
        var indicators = await db.Indicators.Where(i => i.Code == row.Indicator || i.Code == row.Part || i.Code == row.Base).ToDictionaryAsync(i => i.Code, ct);
        var relationship = new Relationship
        {
            Kind = row.Kind,
            Indicator = indicators[row.Indicator],
            PartIndicator = row.Part is null ? null : indicators[row.Part],
            BaseIndicator = row.Base is null ? null : indicators[row.Base],
            BasePark = row.BasePark is null or RelationshipRow.ParentPark ? null : await db.Parks.SingleAsync(p => p.Code == row.BasePark, ct),
            BaseOnParent = row.BasePark == RelationshipRow.ParentPark,
            Note = row.Note,
            CreatedBy = user,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Relationships.Add(relationship);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CatalogResult.Invalid(new FieldError("indicator", Bilingual.Say("这一关系已经存在。", "This relationship is already there.")));
        }
        db.AuditEntries.Add(CatalogAudit.Entry(AuditType, relationship.Id, null, null, Snapshot(row), user, form.Note));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Invalidate();
        return new CatalogResult(CatalogOutcome.Saved, relationship.Id);
    }

    /// <summary>Removes a relationship an admin added (the seed's change only through its file), audited.</summary>
    public async Task<CatalogResult> RemoveAsync(int id, string user, string? reason, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var relationship = await db.Relationships.Include(r => r.Indicator).Include(r => r.PartIndicator).Include(r => r.BaseIndicator).Include(r => r.BasePark)
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null) return CatalogResult.NotFound;
        if (relationship.CreatedBy is null)
            return CatalogResult.Invalid(new FieldError("id", Bilingual.Say("种子数据中的关系只能在 relationships.csv 中修改。", "A relationship of the seed changes only in relationships.csv.")));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = Snapshot(new RelationshipRow(relationship.Kind, relationship.Indicator.Code, relationship.PartIndicator?.Code, relationship.BaseIndicator?.Code,
            relationship.BaseOnParent ? RelationshipRow.ParentPark : relationship.BasePark?.Code, relationship.Note));
        db.Relationships.Remove(relationship);
        db.AuditEntries.Add(CatalogAudit.Entry(AuditType, id, null, before, null, user, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CatalogResult.Conflict;
        }
        await tx.CommitAsync(ct);
        cache.Invalidate();
        return new CatalogResult(CatalogOutcome.Saved, id);
    }

    private static string Snapshot(RelationshipRow r) => JsonSerializer.Serialize(new
    {
        kind = EnumCode.Of(r.Kind),
        indicator = r.Indicator,
        part = r.Part,
        @base = r.Base,
        basePark = r.BasePark,
        note = r.Note,
    }, Json);
}
