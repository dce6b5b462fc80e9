using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Writing;

public sealed partial class FigureWriter
{
    /// <summary>
    /// Loads a large file of observations in the seed's columns against the catalogs in the database. Every row is
    /// checked as for an upload, and against the rules, first; then, in one transaction, the rows go to a staging table
    /// with binary COPY and one INSERT … ON CONFLICT merges them by natural key and writes their audit entries. A figure an
    /// admin entered, corrected or deleted is kept. A file with any error, or a process killed half-way, leaves the
    /// database as it was.
    /// </summary>
    /// <exception cref="SeedValidationException">A row has a problem; nothing was written.</exception>
    public async Task<BulkImportResult> ImportAsync(string path, string user, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var errors = new SeedErrors();
        var catalog = await ObservationContext.FromDatabaseAsync(db, ct);
        var rows = SeedSet.ReadObservations(SeedTable.Rows(path, SeedSet.ObservationColumns, errors), catalog);
        if (errors.Count > 0) throw new SeedValidationException(errors);
        var ids = await ImportIdsAsync(db, ct);
        await RuleBreachesAsync(db, rows, ids, errors, ct);
        if (errors.Count > 0) throw new SeedValidationException(errors);
        var checking = clock.Elapsed;

        clock.Restart();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var create = new NpgsqlCommand(StagingTableSql, connection)) await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await ObservationCopy.BeginAsync(connection, "import_rows", ct))
        {
            foreach (var o in rows)
                ObservationCopy.Write(copy, new ObservationCopy.Row(ids.Parks[o.Park], o.Subject is null ? null : ids.Enterprises[o.Subject],
                    ids.Indicators[o.Indicator], o.PeriodKind, o.Start, o.End, o.PlanIn(ids.Plans)?.Id, o.Value, o.ReportedValue, o.Unit, o.Qualifier,
                    ids.Sources[o.Source], o.Quote));
            await copy.CompleteAsync(ct);
        }
        await using var merge = new NpgsqlCommand(MergeSql, connection) { CommandTimeout = 0 }; // a million rows take longer than 30 s; ct still cancels
        merge.Parameters.Add(new NpgsqlParameter("at", DateTimeOffset.UtcNow));
        merge.Parameters.Add(new NpgsqlParameter("user", user));
        merge.Parameters.Add(new NpgsqlParameter("reason", FigureRules.AuditReason(WriteOrigin.Import, Path.GetFileName(path), null, [])));
        int inserted, changed, kept;
        await using (var reader = await merge.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (inserted, changed, kept) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
        }
        await CommitAsync(tx, ct);
        return new BulkImportResult(rows.Count, inserted, changed, kept, checking, clock.Elapsed);
    }

    private sealed record ImportIds(Dictionary<string, int> Parks, Dictionary<string, int> Enterprises, Dictionary<string, int> Indicators,
        Dictionary<string, int> Sources, List<PlanPeriod> Plans);

    private static async Task<ImportIds> ImportIdsAsync(ParkMetricsDbContext db, CancellationToken ct) => new(
        await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id, ct),
        await db.Enterprises.ToDictionaryAsync(e => e.Name, e => e.Id, ct),
        await db.Indicators.ToDictionaryAsync(i => i.Code, i => i.Id, ct),
        await db.Sources.ToDictionaryAsync(s => s.Code, s => s.Id, ct),
        await db.PlanPeriods.AsNoTracking().ToListAsync(ct));

    /// <summary>
    /// The rows that break a rule: a quote not in its source's text (each quote checked once per source, a million rows
    /// repeat them), a new figure for a retired source.
    /// </summary>
    private static async Task RuleBreachesAsync(ParkMetricsDbContext db, List<ObservationRow> rows, ImportIds ids, SeedErrors errors, CancellationToken ct)
    {
        var codes = rows.Select(r => r.Source).Distinct().ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
        FigureKey KeyOf(ObservationRow r) => new(ids.Parks[r.Park], r.Subject is null ? null : ids.Enterprises[r.Subject], ids.Indicators[r.Indicator],
            r.PeriodKind, r.Start, r.End, ids.Sources[r.Source]);
        var ofRetired = rows.Where(r => sources[r.Source].RetiredAt is not null).Select(KeyOf).ToList();
        var stored = await FigureLookup.FindAsync(db, ofRetired, ct);
        var standing = new HashSet<(string Source, string Quote)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (errors.Full)
            {
                errors.Stop(row.File, row.Line, rows.Count - i);
                return;
            }
            var source = sources[row.Source];
            var retired = source.RetiredAt is not null;
            if (!retired && (source.Text is null || standing.Contains((row.Source, row.Quote)))) continue;
            if (FigureRules.Check(row.Quote, source, isNew: retired && !stored.ContainsKey(KeyOf(row))) is { } problem)
                errors.Add(new SeedError(row.File, row.Line, problem.Field, problem.Reason));
            else standing.Add((row.Source, row.Quote));
        }
    }

    private const string StagingTableSql = """
        CREATE TEMP TABLE import_rows (
            "ParkId" integer, "EnterpriseId" integer, "IndicatorId" integer, "PeriodKind" varchar(16), "PeriodStart" date,
            "PeriodEnd" date, "PlanPeriodId" integer, "Value" numeric(28,10), "ReportedValue" numeric(28,10),
            "ReportedUnit" varchar(16), "Qualifier" varchar(16), "SourceId" integer, "Quote" varchar(200)) ON COMMIT DROP
        """;

    /// <summary>
    /// New keys are inserted; a key already there takes the file's figure unless an admin entered, corrected or deleted
    /// it (then it is kept and counted); an identical figure is left alone. Every statement of a WITH sees the table as
    /// it was before the merge, so <c>matched</c> holds the figures before they change: their audit entries get both
    /// sides, built as <c>Editing/Audit.cs</c> builds them. RETURNING tells inserts (xmax = 0) from changes.
    /// </summary>
    private static readonly string MergeSql = $"""
        WITH matched AS (
            SELECT o.*, (o."EnteredBy" IS NOT NULL OR o."DeletedAt" IS NOT NULL) AS admins
            FROM import_rows r
            JOIN "Observations" o ON o."ParkId" = r."ParkId" AND o."EnterpriseId" IS NOT DISTINCT FROM r."EnterpriseId"
                AND o."IndicatorId" = r."IndicatorId" AND o."PeriodKind" = r."PeriodKind" AND o."PeriodStart" = r."PeriodStart"
                AND o."PeriodEnd" = r."PeriodEnd" AND o."SourceId" = r."SourceId"
            WHERE o."EnteredBy" IS NOT NULL OR o."DeletedAt" IS NOT NULL
               OR (o."Value", o."ReportedValue", o."ReportedUnit", o."Qualifier", o."Quote")
                  IS DISTINCT FROM (r."Value", r."ReportedValue", r."ReportedUnit", r."Qualifier", r."Quote")),
        merged AS (
            INSERT INTO "Observations" AS o ({ObservationCopy.Columns})
            SELECT {ObservationCopy.Columns} FROM import_rows
            ON CONFLICT ("ParkId", "EnterpriseId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "SourceId") DO UPDATE SET
                "PlanPeriodId" = excluded."PlanPeriodId", "Value" = excluded."Value", "ReportedValue" = excluded."ReportedValue",
                "ReportedUnit" = excluded."ReportedUnit", "Qualifier" = excluded."Qualifier", "Quote" = excluded."Quote"
            WHERE o."EnteredBy" IS NULL AND o."DeletedAt" IS NULL
              AND (o."Value", o."ReportedValue", o."ReportedUnit", o."Qualifier", o."Quote")
                  IS DISTINCT FROM (excluded."Value", excluded."ReportedValue", excluded."ReportedUnit", excluded."Qualifier", excluded."Quote")
            RETURNING o.*, (o.xmax = 0) AS inserted),
        audited AS (
            INSERT INTO "AuditEntries" ("EntityType", "EntityId", "Action", "At", "UserName", "Before", "After", "Reason")
            SELECT 'observation', m."Id", CASE WHEN m.inserted THEN 'insert' ELSE 'update' END, @at, @user,
                   CASE WHEN m.inserted THEN NULL ELSE {SnapshotSql("b")} END, {SnapshotSql("m")}, @reason
            FROM merged m
            LEFT JOIN matched b ON b."Id" = m."Id"
            JOIN "Parks" p ON p."Id" = m."ParkId" LEFT JOIN "Enterprises" e ON e."Id" = m."EnterpriseId"
            JOIN "Indicators" i ON i."Id" = m."IndicatorId" JOIN "Sources" s ON s."Id" = m."SourceId")
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), (SELECT count(*) FROM matched WHERE admins) FROM merged
        """;

    /// <summary>The figure aliased <paramref name="o"/> as <c>Audit.Snapshot</c> writes it, its codes from p, e, i and s.</summary>
    private static string SnapshotSql(string o) => $"""
        jsonb_build_object('park', p."Code", 'enterprise', e."Name", 'indicator', i."Code", 'periodKind', {o}."PeriodKind",
            'start', {o}."PeriodStart", 'end', {o}."PeriodEnd", 'value', {o}."Value", 'reportedValue', {o}."ReportedValue",
            'reportedUnit', {o}."ReportedUnit", 'qualifier', {o}."Qualifier", 'source', s."Code", 'quote', {o}."Quote", 'note', {o}."Note",
            'deleted', {o}."DeletedAt" IS NOT NULL)
        """;
}
