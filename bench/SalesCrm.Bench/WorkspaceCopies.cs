using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesCrm.Core.Data;

namespace SalesCrm.Bench;

/// <summary>
/// Grows a seeded workspace in SQL: copies the rows of some of its leads (the lead, its stage history, reply waits, outbox
/// events, messages, timeline entries and activities) <c>copies</c> times, each copy with new ids and the same times, owners,
/// pipeline and stages. Seeding through EF runs at tens of leads per second on a loaded machine; this inserts a million rows
/// in a minute or two, so the 100,000-lead analytics bench can run at all.
/// </summary>
public static class WorkspaceCopies
{
    /// <summary>The tables copied and the column that names the lead each row belongs to.</summary>
    private static readonly (string Table, string Lead)[] Tables =
    [
        ("leads", "Id"), ("lead_stage_history", "LeadId"), ("lead_responses", "LeadId"), ("events", "LeadId"), ("messages", "LeadId"),
        ("interactions", "LeadId"), ("activities", "LeadId"),
    ];

    /// <summary>
    /// Copies the first <paramref name="templateLeads"/> leads of <paramref name="tenantId"/> (by id) and everything logged about
    /// them <paramref name="copies"/> times. Copy k's ids are the originals with the first 8 hex digits replaced by
    /// <c>f</c> and k (version-7 ids begin with the clock, <c>01…</c>, so they cannot collide). Returns the rows inserted.
    /// </summary>
    public static async Task<long> MultiplyAsync(BenchHost host, Guid tenantId, int templateLeads, int copies)
    {
        if (copies <= 0) return 0;
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = connection is NpgsqlConnection;
        var tenant = postgres ? $"'{tenantId}'::uuid" : $"'{tenantId.ToString().ToUpperInvariant()}'";
        string NewId(string column) => postgres
            ? $"('f' || lpad(to_hex(c.k), 7, '0') || substr(t.\"{column}\"::text, 9))::uuid"
            : $"printf('F%07X', c.k) || substr(t.\"{column}\", 9)";

        await ExecAsync(connection, null, $"CREATE TEMP TABLE bench_template AS SELECT \"Id\" AS id FROM leads WHERE \"TenantId\" = {tenant} ORDER BY \"Id\" LIMIT {templateLeads}");
        await ExecAsync(connection, null, "CREATE TEMP TABLE bench_copies (k integer PRIMARY KEY)");
        await ExecAsync(connection, null, "INSERT INTO bench_copies (k) " + (postgres
            ? $"SELECT generate_series(1, {copies})"
            : $"WITH RECURSIVE s(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM s WHERE k < {copies}) SELECT k FROM s"));
        long inserted = 0;
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (table, lead) in Tables)
        {
            var columns = await ColumnsAsync(connection, transaction, table, postgres);
            var values = columns.Select(c => c switch
            {
                "Id" or "LeadId" => NewId(c),
                "ProviderMessageId" => $"t.\"{c}\" || '-' || c.k",
                _ => $"t.\"{c}\"",
            });
            inserted += await ExecAsync(connection, transaction,
                $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", values)} " +
                $"FROM {table} t CROSS JOIN bench_copies c WHERE t.\"TenantId\" = {tenant} AND t.\"{lead}\" IN (SELECT id FROM bench_template)");
        }
        await transaction.CommitAsync();
        await ExecAsync(connection, null, "DROP TABLE bench_template");
        await ExecAsync(connection, null, "DROP TABLE bench_copies");
        return inserted;
    }

    /// <summary>The columns a row is inserted with (generated ones left out).</summary>
    private static async Task<List<string>> ColumnsAsync(DbConnection connection, DbTransaction transaction, string table, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = postgres
            ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' AND is_generated = 'NEVER' ORDER BY ordinal_position"
            : $"SELECT name FROM pragma_table_xinfo('{table}') WHERE hidden = 0 ORDER BY cid";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task<int> ExecAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 1800;
        return await command.ExecuteNonQueryAsync();
    }
}
