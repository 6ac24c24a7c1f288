namespace SalesCrm.Web.Features.Assistant;

/// <summary><c>POST /api/v1/chat</c>: the question, at most 500 characters.</summary>
public sealed record ChatRequest(string? Message);
