namespace SalesCrm.Core.Common.Filtering;

/// <summary>A parsed PostgREST list request: filters (conditions and groups), order, and a page (limit 1–500, offset ≥ 0).</summary>
public sealed record ListRequest(IReadOnlyList<FilterNode> Filters, IReadOnlyList<SortKey>? Order = null, int Limit = 50, int Offset = 0);
