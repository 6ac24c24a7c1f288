namespace SalesCrm.Core.Insights;

/// <summary>The body of <c>PATCH /api/v1/insights/{id}</c>: <c>status</c> <c>dismissed</c> or <c>done</c>.</summary>
public sealed record InsightPatch(string? Status);
