using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Seeding;

public sealed record BulkImportResult(int Rows, int Inserted, int Changed, TimeSpan Checking, TimeSpan Writing);

/// <summary>
/// Loads a large file of observations in the seed's columns (<c>observations.csv</c>, against the parks, indicators,
/// units, enterprises and sources already in the database). Every row is checked as for an upload first; then, in one
/// transaction, the rows go to a staging table with binary COPY and one INSERT … ON CONFLICT merges them by natural
/// key. A file with any error, or a process killed half-way, leaves the database as it was.
/// </summary>
public static class BulkImport
{
    public static async Task<BulkImportResult> ImportAsync(ParkMetricsDbContext db, string path, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var errors = new List<SeedError>();
        var observations = SeedSet.ReadObservations(SeedTable.Read(path, SeedSet.ObservationColumns, errors), await ObservationUpload.ContextAsync(db, ct));
        if (errors.Count > 0) throw new SeedValidationException(errors);
        var checking = clock.Elapsed;

        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var enterprises = await db.Enterprises.ToDictionaryAsync(e => e.Name, e => e.Id, ct);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var sources = await db.Sources.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var plans = await db.PlanPeriods.AsNoTracking().ToListAsync(ct);

        clock.Restart();
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE import_rows (
                "ParkId" integer, "EnterpriseId" integer, "IndicatorId" integer, "PeriodKind" varchar(16), "PeriodStart" date,
                "PeriodEnd" date, "PlanPeriodId" integer, "Value" numeric(28,10), "ReportedValue" numeric(28,10),
                "ReportedUnit" varchar(16), "Qualifier" varchar(16), "SourceId" integer, "Quote" varchar(200)) ON COMMIT DROP
            """, ct);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_rows FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var o in observations)
            {
                copy.StartRow();
                copy.Write(parks[o.Park], NpgsqlDbType.Integer);
                if (o.Subject is null) copy.WriteNull(); else copy.Write(enterprises[o.Subject], NpgsqlDbType.Integer);
                copy.Write(indicators[o.Indicator], NpgsqlDbType.Integer);
                copy.Write(EnumCode.Of(o.PeriodKind), NpgsqlDbType.Varchar);
                copy.Write(o.Start, NpgsqlDbType.Date);
                copy.Write(o.End, NpgsqlDbType.Date);
                if (o.PlanIn(plans) is { } plan) copy.Write(plan.Id, NpgsqlDbType.Integer); else copy.WriteNull();
                copy.Write(o.Value, NpgsqlDbType.Numeric);
                copy.Write(o.ReportedValue, NpgsqlDbType.Numeric);
                copy.Write(o.Unit, NpgsqlDbType.Varchar);
                copy.Write(EnumCode.Of(o.Qualifier), NpgsqlDbType.Varchar);
                copy.Write(sources[o.Source], NpgsqlDbType.Integer);
                copy.Write(o.Quote, NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync(ct);
        }
        // New keys are inserted; a key already there takes the file's figure (and comes back if it was deleted);
        // an identical figure is left alone. RETURNING tells inserts (xmax = 0) from changes.
        await using var merge = new NpgsqlCommand("""
            WITH merged AS (
                INSERT INTO "Observations" AS o ("ParkId", "EnterpriseId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd",
                    "PlanPeriodId", "Value", "ReportedValue", "ReportedUnit", "Qualifier", "SourceId", "Quote")
                SELECT * FROM import_rows
                ON CONFLICT ("ParkId", "EnterpriseId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "SourceId") DO UPDATE SET
                    "PlanPeriodId" = excluded."PlanPeriodId", "Value" = excluded."Value", "ReportedValue" = excluded."ReportedValue",
                    "ReportedUnit" = excluded."ReportedUnit", "Qualifier" = excluded."Qualifier", "Quote" = excluded."Quote",
                    "DeletedAt" = NULL, "DeletedBy" = NULL
                WHERE (o."Value", o."ReportedValue", o."ReportedUnit", o."Qualifier", o."Quote", o."DeletedAt")
                    IS DISTINCT FROM (excluded."Value", excluded."ReportedValue", excluded."ReportedUnit", excluded."Qualifier", excluded."Quote", NULL)
                RETURNING (o.xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
            """, connection, tx) { CommandTimeout = 0 }; // a million rows take longer than the default 30 s; ct still cancels
        await using var reader = await merge.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (inserted, changed) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
        await reader.CloseAsync();
        await tx.CommitAsync(ct);
        return new BulkImportResult(observations.Count, inserted, changed, checking, clock.Elapsed);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
