namespace SalesCrm.Core.Insights;

/// <summary>
/// The body of <c>PATCH /api/v1/insights/{id}</c>: <c>status</c> <c>dismissed</c> or <c>done</c>; and the reader's <c>culture</c>
/// the answer's texts are written in (as <see cref="InsightListQuery.Culture"/>; null: the workspace's).
/// </summary>
public sealed record InsightPatch(string? Status, string? Culture = null);
