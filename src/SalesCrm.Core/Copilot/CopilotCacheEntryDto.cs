namespace SalesCrm.Core.Copilot;

/// <summary>A cache entry as <c>GET /api/v1/copilot/cache</c> lists it.</summary>
public sealed record CopilotCacheEntryDto(Guid Id, CopilotIntent Intent, Guid? StageId, string NormalizedContext, SuggestionOrigin Provider, int SuggestionCount,
    int Hits, DateTime CreatedAt, DateTime ExpiresAt);
