using Npgsql;
using NpgsqlTypes;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Writing;

/// <summary>
/// Observation rows by binary COPY, for the bulk import (into its staging table) and the synthetic data (straight into
/// "Observations"): the columns of the Initial migration; the later nullable ones (Note, EnteredBy, Deleted*) stay null.
/// </summary>
internal static class ObservationCopy
{
    public readonly record struct Row(int ParkId, int? EnterpriseId, int IndicatorId, PeriodKind Kind, DateOnly Start, DateOnly End,
        int? PlanPeriodId, decimal Value, decimal ReportedValue, string ReportedUnit, Qualifier Qualifier, int SourceId, string Quote);

    public const string Columns = """
        "ParkId", "EnterpriseId", "IndicatorId", "PeriodKind", "PeriodStart", "PeriodEnd", "PlanPeriodId",
        "Value", "ReportedValue", "ReportedUnit", "Qualifier", "SourceId", "Quote"
        """;

    /// <summary>Starts <c>COPY <paramref name="table"/> (<see cref="Columns"/>)</c>; <paramref name="table"/> is a quoted identifier.</summary>
    public static Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection connection, string table, CancellationToken ct) =>
        connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);

    /// <summary>
    /// Writes one row. Synchronous: the rows are produced in memory and Npgsql buffers them, so awaiting each field only
    /// adds overhead.
    /// </summary>
    public static void Write(NpgsqlBinaryImporter copy, in Row r)
    {
        copy.StartRow();
        copy.Write(r.ParkId, NpgsqlDbType.Integer);
        if (r.EnterpriseId is { } enterprise) copy.Write(enterprise, NpgsqlDbType.Integer); else copy.WriteNull();
        copy.Write(r.IndicatorId, NpgsqlDbType.Integer);
        copy.Write(EnumCode.Of(r.Kind), NpgsqlDbType.Varchar);
        copy.Write(r.Start, NpgsqlDbType.Date);
        copy.Write(r.End, NpgsqlDbType.Date);
        if (r.PlanPeriodId is { } plan) copy.Write(plan, NpgsqlDbType.Integer); else copy.WriteNull();
        copy.Write(r.Value, NpgsqlDbType.Numeric);
        copy.Write(r.ReportedValue, NpgsqlDbType.Numeric);
        copy.Write(r.ReportedUnit, NpgsqlDbType.Varchar);
        copy.Write(EnumCode.Of(r.Qualifier), NpgsqlDbType.Varchar);
        copy.Write(r.SourceId, NpgsqlDbType.Integer);
        copy.Write(r.Quote, NpgsqlDbType.Varchar);
    }
}
