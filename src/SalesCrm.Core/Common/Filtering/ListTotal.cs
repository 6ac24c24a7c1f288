using Microsoft.EntityFrameworkCore;

namespace SalesCrm.Core.Common.Filtering;

/// <summary>The total of a paged list, counted no further than its <see cref="CountMode"/> asks.</summary>
public static class ListTotal
{
    /// <summary>How many matching rows past the offset a <see cref="CountMode.Capped"/> count reads at most.</summary>
    public const int CapAhead = 1_000;

    /// <summary>
    /// The total of <paramref name="filtered"/> (the query before ordering and paging) and whether it is exact, given the
    /// page already read. A page shorter than the limit is the last one, so it gives the total without a query; otherwise
    /// <see cref="CountMode.Capped"/> counts at most <c>offset + </c><see cref="CapAhead"/> rows and returns that bound,
    /// not exact, when more match.
    /// </summary>
    public static async Task<(int Total, bool Exact)> CountAsync<T>(IQueryable<T> filtered, CountMode mode, int offset, int limit, int onPage, CancellationToken ct)
    {
        if (onPage < limit && (onPage > 0 || offset == 0)) return (offset + onPage, true);
        switch (mode)
        {
            case CountMode.Exact:
                return (await filtered.CountAsync(ct), true);
            case CountMode.Capped:
                var cap = (int)Math.Min((long)offset + CapAhead, int.MaxValue - 1);
                var counted = await filtered.Take(cap + 1).CountAsync(ct);
                return counted > cap ? (cap, false) : (counted, true);
            default:
                return (offset + onPage, false);
        }
    }
}
