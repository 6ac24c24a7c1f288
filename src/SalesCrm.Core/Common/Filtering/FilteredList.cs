using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace SalesCrm.Core.Common.Filtering;

/// <summary>Runs a <see cref="ListRequest"/> over a query the caller has already scoped to what the actor may see.</summary>
public static class FilteredList
{
    /// <summary>
    /// The page of rows (ordered by the request, then by id for a stable page) and the matching total, counted as far as
    /// the request's <see cref="CountMode"/> asks (<see cref="ListTotal"/>).
    /// </summary>
    public static async Task<(List<T> Rows, int Total, bool TotalExact)> RunAsync<T>(DbContext db, IQueryable<T> visible, FieldMap<T> fields, ListRequest request,
        SortKey fallback, Expression<Func<T, Guid>> id, Func<IQueryable<T>, IQueryable<T>>? include = null, CancellationToken ct = default)
    {
        new PageRequest(request.Limit, request.Offset).Normalize();
        foreach (var filter in request.Filters) visible = fields.Where(visible, filter);
        var ordered = fields.OrderBy(visible, request.Order ?? [fallback]).ThenBy(id);
        var page = ordered.Skip(request.Offset).Take(request.Limit);
        var rows = await (include?.Invoke(page) ?? page).ToListAsync(ct);
        var (total, exact) = await ListTotal.CountAsync(visible, request.Count, request.Offset, request.Limit, rows.Count, db.Database, ct);
        return (rows, total, exact);
    }

    /// <summary>
    /// The same for a list whose filters, order and page come separately (events, workflow runs): the page mapped with
    /// <paramref name="map"/> in the <see cref="Paged{T}"/> envelope, the total counted exactly (<see cref="CountMode.Exact"/>).
    /// </summary>
    public static async Task<Paged<TDto>> PageAsync<T, TDto>(DbContext db, IQueryable<T> visible, FieldMap<T> fields, IReadOnlyList<FilterNode> filters,
        IReadOnlyList<SortKey>? order, PageRequest page, SortKey fallback, Expression<Func<T, Guid>> id, Func<T, TDto> map, CancellationToken ct = default)
    {
        var (rows, total, _) = await RunAsync(db, visible, fields, new ListRequest(filters, order, page.Limit, page.Offset), fallback, id, ct: ct);
        return new Paged<TDto>(rows.Select(map).ToList(), total, page.Limit, page.Offset);
    }
}
