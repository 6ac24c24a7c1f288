namespace SalesCrm.Core.Insights;

/// <summary>Filters of the insight list: <c>status</c> and <c>priority</c> as their snake_case names (null: any), and the page.</summary>
public sealed record InsightListQuery(string? Status = null, string? Priority = null, int Limit = 50, int Offset = 0);
