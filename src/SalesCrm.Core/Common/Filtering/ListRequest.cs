namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// A parsed PostgREST list request: filters (conditions and groups), order, a page (limit 1–500, offset ≥ 0) and how
/// far to count the matching rows.
/// </summary>
public sealed record ListRequest(IReadOnlyList<FilterNode> Filters, IReadOnlyList<SortKey>? Order = null, int Limit = 50, int Offset = 0, CountMode Count = CountMode.Exact);
