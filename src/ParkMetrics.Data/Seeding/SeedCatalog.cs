using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Seeding;

/// <param name="Kept">Seed figures an admin entered, corrected or deleted, which the seed left as they are.</param>
public sealed record SeedResult(int Inserted, int Updated, int Unchanged, int Deleted = 0, int Kept = 0)
{
    public bool ChangedAnything => Inserted + Updated + Deleted > 0;
}

/// <summary>
/// Upserts the seed's catalogs (units, parks, sources, indicators, enterprises) by natural key, inside the transaction of
/// <see cref="Writing.FigureWriter.SeedAsync"/>, which then writes the seed's figures.
/// </summary>
internal static class SeedCatalog
{
    /// <param name="Deleted">Relationships the seed had declared and no longer does.</param>
    public sealed record CatalogCounts(int Inserted, int Updated, int Unchanged, int Deleted = 0);

    public static async Task<CatalogCounts> UpsertAsync(ParkMetricsDbContext db, SeedSet seed, string user, CancellationToken ct)
    {
        var tally = new Tally(db);
        var history = new CatalogHistory();
        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        history.Remember(units.Values);
        foreach (var u in seed.Units)
            tally.Upsert(units, u.Code, () => new MeasurementUnit { Code = u.Code, Dimension = u.Dimension },
                e => { e.Dimension = u.Dimension; e.Factor = u.Factor; SetList(e.Aliases, u.Aliases, v => e.Aliases = v); });

        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, ct);
        history.Remember(parks.Values);
        foreach (var p in seed.Parks)
            tally.Upsert(parks, p.Code, () => new Park { Code = p.Code, NameZh = p.NameZh, NameEn = p.NameEn },
                e =>
                {
                    (e.NameZh, e.NameEn, e.Kind) = (p.NameZh, p.NameEn, p.Kind);
                    e.Parent = p.Parent is null ? null : parks[p.Parent];
                    SetList(e.Aliases, p.Aliases, v => e.Aliases = v);
                });

        var sources = await db.Sources.ToDictionaryAsync(s => s.Code, ct);
        history.Remember(sources.Values);
        foreach (var s in seed.Sources)
            tally.Upsert(sources, s.Code, () => new Source { Code = s.Code, FileName = s.File, Title = s.Title },
                e =>
                {
                    (e.Kind, e.FileName, e.Title, e.Outlet, e.Url) = (s.Kind, s.File, s.Title, s.Outlet, s.Url);
                    (e.PublishedOn, e.AsOf, e.DateNote) = (s.PublishedOn, s.AsOf, s.DateNote);
                    // Without the articles folder the seed knows no text: a text loaded earlier stays.
                    if (s.Text is not null) e.Text = s.Text;
                });

        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        history.Remember(indicators.Values);
        foreach (var i in seed.Indicators)
            tally.Upsert(indicators, i.Code, () => new Indicator { Code = i.Code, NameZh = i.NameZh, NameEn = i.NameEn, Category = i.Category, UnitCode = i.Unit },
                e =>
                {
                    (e.NameZh, e.NameEn, e.Category, e.Measure, e.Aggregation) = (i.NameZh, i.NameEn, i.Category, i.Measure, i.Aggregation);
                    e.Unit = units[i.Unit];
                    e.BaseIndicator = i.Base is null ? null : indicators[i.Base];
                    SetList(e.Aliases, i.Aliases, v => e.Aliases = v);
                });

        var enterprises = await db.Enterprises.Include(e => e.Park).ToDictionaryAsync(e => e.Name, ct);
        var enterprisesBefore = enterprises.ToDictionary(e => e.Key, e => Editing.Audit.Snapshot(e.Value));
        foreach (var e in seed.Enterprises)
            tally.Upsert(enterprises, e.Name, () => new Enterprise { Name = e.Name },
                x =>
                {
                    x.Park = parks[e.Park];
                    x.Sector = e.Sector;
                    SetList(x.Aliases, e.Aliases, v => x.Aliases = v);
                    SetList(x.Designations, e.Designations, v => x.Designations = v);
                });
        var written = enterprises.Values.Where(e => db.Entry(e).State is EntityState.Added or EntityState.Modified).ToList();
        var catalogWritten = CatalogHistory.Written(db);

        await db.SaveChangesAsync(ct);
        // Enterprises are audited like figures, the other catalogs like the admin pages' edits: who, before, after.
        history.Audit(db, catalogWritten, user);
        var now = DateTimeOffset.UtcNow;
        foreach (var e in written)
        {
            var before = enterprisesBefore.GetValueOrDefault(e.Name);
            db.AuditEntries.Add(Editing.Audit.Entry(Editing.Audit.EnterpriseType, e.Id, before is null ? AuditAction.Insert : AuditAction.Update, user,
                before, Editing.Audit.Snapshot(e), "seed", now));
        }
        var deleted = await UpsertRelationshipsAsync(db, seed, tally, indicators, parks, ct);
        await db.SaveChangesAsync(ct);
        return new CatalogCounts(tally.Inserted, tally.Updated, tally.Unchanged, deleted);
    }

    /// <summary>
    /// The seed's relationships by their natural key (kind and indicators). The seed owns the ones it declared: one no
    /// longer in the file is deleted. One an admin added is left as it is, also when the file declares the same.
    /// </summary>
    private static async Task<int> UpsertRelationshipsAsync(ParkMetricsDbContext db, SeedSet seed, Tally tally,
        Dictionary<string, Indicator> indicators, Dictionary<string, Park> parks, CancellationToken ct)
    {
        static string Key(RelationshipKind kind, int indicator, int? part, int? @base) => $"{EnumCode.Of(kind)}|{indicator}|{part}|{@base}";
        var stored = (await db.Relationships.ToListAsync(ct)).ToDictionary(r => Key(r.Kind, r.IndicatorId, r.PartIndicatorId, r.BaseIndicatorId));
        var declared = new HashSet<string>();
        foreach (var r in seed.Relationships)
        {
            var indicator = indicators[r.Indicator];
            var part = r.Part is null ? null : indicators[r.Part];
            var @base = r.Base is null ? null : indicators[r.Base];
            var key = Key(r.Kind, indicator.Id, part?.Id, @base?.Id);
            declared.Add(key);
            if (stored.TryGetValue(key, out var existing) && existing.CreatedBy is not null)
            {
                tally.Count(changed: false);
                continue;
            }
            tally.Upsert(stored, key, () => new Relationship { Kind = r.Kind, Indicator = indicator, PartIndicator = part, BaseIndicator = @base },
                e =>
                {
                    e.BasePark = r.BasePark is null or RelationshipRow.ParentPark ? null : parks[r.BasePark];
                    e.BaseOnParent = r.BasePark == RelationshipRow.ParentPark;
                    e.Note = r.Note;
                });
        }
        var stale = stored.Where(p => !declared.Contains(p.Key) && p.Value.CreatedBy is null && p.Value.Id != 0).Select(p => p.Value).ToList();
        db.Relationships.RemoveRange(stale);
        return stale.Count;
    }

    /// <summary>
    /// Units, parks, sources and indicators as they were before the seed, and an audit entry (reason "seed") for each one
    /// the seed created or changed, so that a seed overwriting an admin's edit of the catalog leaves a trace.
    /// </summary>
    private sealed class CatalogHistory
    {
        private readonly Dictionary<object, string> before = new(ReferenceEqualityComparer.Instance);

        /// <summary>
        /// Takes the snapshot of each record of a catalog as loaded, before the seed changes any: a park's parent and an
        /// indicator's base are records of the same catalog, loaded with it.
        /// </summary>
        public void Remember(IEnumerable<object> loaded)
        {
            foreach (var record in loaded) before[record] = Snapshot(record).After;
        }

        /// <summary>The catalog records about to be inserted or updated; their ids are known once saved.</summary>
        public static List<object> Written(ParkMetricsDbContext db) => [.. db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity is MeasurementUnit or Park or Source or Indicator)
            .Select(e => e.Entity)];

        private static (string Type, long Id, string? Key, string After) Snapshot(object record) => record switch
        {
            MeasurementUnit u => (Catalog.CatalogAudit.UnitType, 0, u.Code, Catalog.CatalogAudit.Snapshot(u)),
            Park p => (Catalog.CatalogAudit.ParkType, p.Id, null, Catalog.CatalogAudit.Snapshot(p)),
            Source s => (Catalog.CatalogAudit.SourceType, s.Id, null, Catalog.CatalogAudit.Snapshot(s)),
            Indicator i => (Catalog.CatalogAudit.IndicatorType, i.Id, null, Catalog.CatalogAudit.Snapshot(i)),
            _ => throw new InvalidOperationException($"{record.GetType().Name} is not a catalog record."),
        };

        public void Audit(ParkMetricsDbContext db, IEnumerable<object> written, string user)
        {
            foreach (var entity in written)
            {
                var (type, id, key, after) = Snapshot(entity);
                var was = before.GetValueOrDefault(entity);
                if (was != after) db.AuditEntries.Add(Catalog.CatalogAudit.Entry(type, id, key, was, after, user, "seed"));
            }
        }
    }

    /// <summary>Replaces a list only when it differs, so that an unchanged row is not counted as updated.</summary>
    private static void SetList(List<string> current, IReadOnlyList<string> wanted, Action<List<string>> set)
    {
        if (!current.SequenceEqual(wanted)) set([.. wanted]);
    }

    private sealed class Tally(ParkMetricsDbContext db)
    {
        public int Inserted { get; private set; }
        public int Updated { get; private set; }
        public int Unchanged { get; private set; }

        public void Count(bool changed)
        {
            if (changed) Updated++;
            else Unchanged++;
        }

        public void Upsert<T>(Dictionary<string, T> existing, string key, Func<T> create, Action<T> update) where T : class
        {
            if (!existing.TryGetValue(key, out var entity))
            {
                entity = create();
                update(entity);
                db.Add(entity);
                existing[key] = entity;
                Inserted++;
                return;
            }
            update(entity);
            if (db.Entry(entity).State == EntityState.Modified) Updated++;
            else Unchanged++;
        }
    }
}
