using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Seeding;

public sealed record SeedResult(int Inserted, int Updated, int Unchanged, int Deleted = 0)
{
    public bool ChangedAnything => Inserted + Updated + Deleted > 0;
}

/// <summary>
/// Writes a checked <see cref="SeedSet"/> in one transaction, matching rows on their natural keys, so that running it
/// again changes nothing. The seed owns the figures it loaded: one that is no longer in the seed is deleted. Figures
/// an admin entered or corrected, and figures an admin deleted, stay as they are.
/// </summary>
public static class SeedImporter
{
    public static async Task<SeedResult> ImportAsync(ParkMetricsDbContext db, SeedSet seed, CancellationToken ct = default)
    {
        var tally = new Tally(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        foreach (var u in seed.Units)
            tally.Upsert(units, u.Code, () => new MeasurementUnit { Code = u.Code, Dimension = u.Dimension },
                e => { e.Dimension = u.Dimension; e.Factor = u.Factor; SetList(e.Aliases, u.Aliases, v => e.Aliases = v); });

        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, ct);
        foreach (var p in seed.Parks)
            tally.Upsert(parks, p.Code, () => new Park { Code = p.Code, NameZh = p.NameZh, NameEn = p.NameEn },
                e =>
                {
                    (e.NameZh, e.NameEn, e.Kind) = (p.NameZh, p.NameEn, p.Kind);
                    e.Parent = p.Parent is null ? null : parks[p.Parent];
                    SetList(e.Aliases, p.Aliases, v => e.Aliases = v);
                });

        var sources = await db.Sources.ToDictionaryAsync(s => s.Code, ct);
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
        foreach (var i in seed.Indicators)
            tally.Upsert(indicators, i.Code, () => new Indicator { Code = i.Code, NameZh = i.NameZh, NameEn = i.NameEn, Category = i.Category, UnitCode = i.Unit },
                e =>
                {
                    (e.NameZh, e.NameEn, e.Category, e.Measure, e.Aggregation) = (i.NameZh, i.NameEn, i.Category, i.Measure, i.Aggregation);
                    e.Unit = units[i.Unit];
                    e.BaseIndicator = i.Base is null ? null : indicators[i.Base];
                    SetList(e.Aliases, i.Aliases, v => e.Aliases = v);
                });

        var enterprises = await db.Enterprises.ToDictionaryAsync(e => e.Name, ct);
        foreach (var e in seed.Enterprises)
            tally.Upsert(enterprises, e.Name, () => new Enterprise { Name = e.Name },
                x => { x.Park = parks[e.Park]; x.Sector = e.Sector; x.Aliases = [.. e.Aliases]; x.Designations = [.. e.Designations]; });

        var plans = await db.PlanPeriods.ToListAsync(ct);
        // Loaded into the same context, observations get their navigations fixed up, so they can be keyed by codes.
        // Deleted figures too: a figure an admin deleted keeps its key, and the seed must not insert it again.
        var all = (await db.Observations.IgnoreQueryFilters().ToListAsync(ct)).ToLookup(o => o.EnteredBy is null);
        var observations = all[true].ToDictionary(o =>
            ObservationKey(o.Park.Code, o.Enterprise?.Name, o.Indicator.Code, o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.Source.Code));
        // A figure an admin entered or corrected is theirs: the seed leaves it as it is.
        var adminOwned = all[false].Select(o =>
            ObservationKey(o.Park.Code, o.Enterprise?.Name, o.Indicator.Code, o.PeriodKind, o.PeriodStart, o.PeriodEnd, o.Source.Code)).ToHashSet();
        var seeded = new HashSet<string>();
        foreach (var o in seed.Observations.Where(o => !adminOwned.Contains(ObservationKey(o.Park, o.Subject, o.Indicator, o.PeriodKind, o.Start, o.End, o.Source))))
            tally.Upsert(observations, ObservationKey(o.Park, o.Subject, o.Indicator, o.PeriodKind, o.Start, o.End, o.Source),
                () => new Observation { ReportedUnit = o.Unit, Quote = o.Quote },
                e =>
                {
                    o.ApplyTo(e, parks[o.Park], o.Subject is null ? null : enterprises[o.Subject], indicators[o.Indicator], sources[o.Source], plans);
                    seeded.Add(ObservationKey(o.Park, o.Subject, o.Indicator, o.PeriodKind, o.Start, o.End, o.Source));
                });
        var seedSources = seed.Sources.Select(s => s.Code).ToHashSet();
        foreach (var (key, stale) in observations)
            if (!seeded.Contains(key) && stale.Id != 0 && seedSources.Contains(stale.Source.Code)) tally.Delete(stale);

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SeedResult(tally.Inserted, tally.Updated, tally.Unchanged, tally.Deleted);
    }

    /// <summary>Replaces a list only when it differs, so that an unchanged row is not counted as updated.</summary>
    private static void SetList(List<string> current, IReadOnlyList<string> wanted, Action<List<string>> set)
    {
        if (!current.SequenceEqual(wanted)) set([.. wanted]);
    }

    private static string ObservationKey(string park, string? subject, string indicator, PeriodKind kind, DateOnly start, DateOnly end, string source) =>
        string.Join('|', park, subject, indicator, EnumCode.Of(kind),
            start.ToString("O", CultureInfo.InvariantCulture), end.ToString("O", CultureInfo.InvariantCulture), source);

    private sealed class Tally(ParkMetricsDbContext db)
    {
        public int Inserted { get; private set; }
        public int Updated { get; private set; }
        public int Unchanged { get; private set; }
        public int Deleted { get; private set; }

        public void Delete(object entity)
        {
            db.Remove(entity);
            Deleted++;
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
