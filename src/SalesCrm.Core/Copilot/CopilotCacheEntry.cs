using SalesCrm.Core.Common;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// The answer to a request, kept for identical requests (same stage, intent, window state and normalized context) until
/// <see cref="ExpiresAt"/>. Texts are stored with the lead's name replaced by <c>{{first_name}}</c>/<c>{{lead_name}}</c>, so
/// another lead in the same stage gets its own name.
/// </summary>
public sealed class CopilotCacheEntry : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    /// <summary>SHA-256 (hex) of stage, intent, window state and normalized context.</summary>
    public required string Key { get; set; }
    public CopilotIntent Intent { get; set; }
    public Guid? StageId { get; set; }
    public string NormalizedContext { get; set; } = "";
    public SuggestionOrigin Provider { get; set; }
    public List<CachedSuggestion> Suggestions { get; set; } = [];
    public List<Guid> ChunkIds { get; set; } = [];
    public int Hits { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
