namespace SalesCrm.Web.Features.Insights;

/// <summary>The body of <c>PATCH /api/v1/insights/{id}</c>: <c>{ "status": "dismissed" | "done" }</c>.</summary>
public sealed record InsightStatusBody(string? Status);
