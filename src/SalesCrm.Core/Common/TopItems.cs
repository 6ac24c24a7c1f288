namespace SalesCrm.Core.Common;

/// <summary>
/// How many things there are and the first few of them, for a summary. Counting stops at a cap so a summary costs the
/// same in a small workspace and a huge one: <see cref="Capped"/> says <see cref="Count"/> is a lower bound ("100+").
/// </summary>
public sealed record TopItems<T>(int Count, IReadOnlyList<T> Items, bool Capped = false)
{
    /// <summary>Counts at most <paramref name="cap"/> rows of <paramref name="query"/> (<c>Capped</c> when there are more).</summary>
    public static async Task<(int Count, bool Capped)> CountAsync(IQueryable<T> query, int cap, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, CancellationToken ct)
    {
        var count = await Filtering.ListTotal.CountUpToAsync(query, cap, database, ct);
        return (Math.Min(count, cap), count > cap);
    }
}
