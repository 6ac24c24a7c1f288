namespace SalesCrm.Core.Insights;

/// <summary>
/// Filters of the insight list: <c>status</c> and <c>priority</c> as their snake_case names (null: any), the page, and the
/// reader's <c>culture</c> (<c>en</c>, <c>pt-BR</c>; null: the workspace's) the texts are written in.
/// </summary>
public sealed record InsightListQuery(string? Status = null, string? Priority = null, int Limit = 50, int Offset = 0, string? Culture = null);
