namespace SalesCrm.Core.Copilot;

/// <summary>A session as <c>GET /api/v1/copilot/sessions</c> lists it.</summary>
public sealed record CopilotSessionDto(Guid Id, Guid? UserId, Guid? LeadId, CopilotIntent Intent, string? Context, SuggestionOrigin Provider, int LatencyMs,
    IReadOnlyList<Guid> ChunkIds, int SuggestionCount, CopilotOutcome Outcome, string? Error, DateTime CreatedAt);
