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
    /// <see cref="CountMode.Capped"/> on PostgreSQL (<paramref name="planner"/> given) asks the planner first, as
    /// PostgREST's <c>count=estimated</c> does, and answers its estimate, not exact, when it exceeds
    /// <c>offset + </c><see cref="CapAhead"/>; otherwise, and on SQLite, it counts at most that many rows and answers that
    /// bound, not exact, when more match.
    /// </summary>
    public static async Task<(int Total, bool Exact)> CountAsync<T>(IQueryable<T> filtered, CountMode mode, int offset, int limit, int onPage, CancellationToken ct,
        DatabaseFacade? planner = null)
    {
        if (onPage < limit && (onPage > 0 || offset == 0)) return (offset + onPage, true);
        switch (mode)
        {
            case CountMode.Exact:
                return (await filtered.CountAsync(ct), true);
            case CountMode.Capped:
                var cap = (int)Math.Min((long)offset + CapAhead, int.MaxValue - 1);
                if (planner is not null && await PlannedRowsAsync(filtered, planner, ct) is { } planned && planned > cap)
                    return ((int)Math.Min(planned, int.MaxValue), false);
                var counted = await filtered.Take(cap + 1).CountAsync(ct);
                return counted > cap ? (cap, false) : (counted, true);
            default:
                return (offset + onPage, false);
        }
    }

    /// <summary>PostgreSQL's estimate of the rows a query returns (<c>EXPLAIN</c>, nothing executed).</summary>
    private static async Task<long?> PlannedRowsAsync<T>(IQueryable<T> query, DatabaseFacade database, CancellationToken ct)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (FORMAT JSON) " + command.CommandText;
        await database.OpenConnectionAsync(ct);
        try
        {
            if (await command.ExecuteScalarAsync(ct) is not string plan) return null;
            using var json = JsonDocument.Parse(plan);
            return (long)json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
