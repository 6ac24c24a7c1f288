namespace SalesCrm.Web.Features.Copilot;

/// <summary><c>POST /api/v1/copilot/analyze</c> body: the message text to triage.</summary>
public sealed record AnalyzeRequest(string? Text);
