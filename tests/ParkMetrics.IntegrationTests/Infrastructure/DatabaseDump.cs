using Npgsql;

namespace ParkMetrics.IntegrationTests.Infrastructure;

/// <summary>
/// A text dump of a database for before/after comparisons: every table's row count and rows (each row as PostgreSQL
/// prints it, with its <c>xmin</c>, so a row rewritten with the same values still shows), and optionally the sequences.
/// </summary>
public static class DatabaseDump
{
    public static async Task<IReadOnlyList<string>> AllTablesAsync(string connectionString, bool withSequences = true)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await QueryAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"");
        var dump = new List<string>();
        foreach (var table in tables) dump.AddRange(await TableAsync(connection, table));
        if (withSequences)
            dump.AddRange(await QueryAsync(connection,
                "SELECT 'sequence ' || sequencename || ' = ' || coalesce(last_value::text, 'unused') FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename COLLATE \"C\""));
        return dump;
    }

    public static async Task<IReadOnlyList<string>> TableAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await TableAsync(connection, table);
    }

    private static async Task<IReadOnlyList<string>> TableAsync(NpgsqlConnection connection, string table)
    {
        var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var count = await QueryAsync(connection, $"SELECT '{table}: ' || count(*) || ' rows' FROM {quoted}");
        var rows = await QueryAsync(connection, $"SELECT '{table} xmin=' || t.xmin || ' ' || t::text FROM {quoted} t ORDER BY t::text COLLATE \"C\"");
        return [.. count, .. rows];
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text.</summary>
    public static async Task<IReadOnlyList<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await QueryAsync(connection, sql);
    }

    private static async Task<List<string>> QueryAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }
}
