using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SalesCrm.Core.Common.Filtering;

/// <summary>The total of a paged list, counted no further than its <see cref="CountMode"/> asks.</summary>
public static class ListTotal
{
    /// <summary>How many matching rows past the offset a <see cref="CountMode.Capped"/> count reads at most.</summary>
    public const int CapAhead = 1_000;

    /// <summary>
    /// The total of <paramref name="filtered"/> (the query before ordering and paging) and whether it is exact, given the
    /// page already read. A page shorter than the limit is the last one, so it gives the total without a query.
    /// <see cref="CountMode.Capped"/> on PostgreSQL asks the planner first, as PostgREST's <c>count=estimated</c> does,
    /// and answers its estimate, not exact, when it exceeds <c>offset + </c><see cref="CapAhead"/>; otherwise, and on
    /// SQLite, it counts at most that many rows and answers that bound, not exact, when more match.
    /// </summary>
    public static async Task<(int Total, bool Exact)> CountAsync<T>(IQueryable<T> filtered, CountMode mode, int offset, int limit, int onPage,
        DatabaseFacade database, CancellationToken ct)
    {
        if (onPage < limit && (onPage > 0 || offset == 0)) return (offset + onPage, true);
        switch (mode)
        {
            case CountMode.Exact:
                return (await filtered.CountAsync(ct), true);
            case CountMode.Capped:
                var cap = (int)Math.Min((long)offset + CapAhead, int.MaxValue - 1);
                var rows = filtered.Select(_ => 1);
                if (database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
                {
                    using var json = JsonDocument.Parse((string)(await ScalarAsync(rows, "EXPLAIN (FORMAT JSON) ", "", database, ct))!);
                    var planned = json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
                    if (planned > cap) return ((int)Math.Min(planned, int.MaxValue), false);
                }
                var counted = await CountUpToAsync(filtered, cap, database, ct);
                return counted > cap ? (cap, false) : ((int)counted, true);
            default:
                return (offset + onPage, false);
        }
    }

    /// <summary>
    /// How many rows <paramref name="query"/> has, counting no further than <paramref name="cap"/> + 1 (so a result above
    /// <paramref name="cap"/> says "more"): count(*) over a LIMIT written into the query's SQL, since LINQ's Take without
    /// an order makes EF warn (and an order would sort what is only counted).
    /// </summary>
    public static async Task<int> CountUpToAsync<T>(IQueryable<T> query, int cap, DatabaseFacade database, CancellationToken ct) =>
        (int)Convert.ToInt64(await ScalarAsync(query.Select(_ => 1), "SELECT count(*) FROM (", $" LIMIT {cap + 1}) AS capped", database, ct));

    /// <summary>Runs the query's own SQL (and parameters) between <paramref name="before"/> and <paramref name="after"/>, reading one value.</summary>
    private static async Task<object?> ScalarAsync<T>(IQueryable<T> query, string before, string after, DatabaseFacade database, CancellationToken ct)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = before + command.CommandText + after;
        await database.OpenConnectionAsync(ct);
        try
        {
            return await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
