using SalesCrm.Core.Common;

namespace SalesCrm.Core.Copilot;

/// <summary>One copilot request: who asked about which lead, which provider answered, how fast, from which chunks, and what came of it.</summary>
public sealed class CopilotSession : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? LeadId { get; set; }
    public CopilotIntent Intent { get; set; }
    /// <summary>The context as sent (the customer's message or the rep's question).</summary>
    public string? Context { get; set; }
    public SuggestionOrigin Provider { get; set; }
    /// <summary>Wall time from the request to the last suggestion, in milliseconds.</summary>
    public int LatencyMs { get; set; }
    /// <summary>The chunks retrieved for the request, best first.</summary>
    public List<Guid> ChunkIds { get; set; } = [];
    public CopilotOutcome Outcome { get; set; }
    /// <summary>The chat model's error or "timeout" when the request fell back; null otherwise.</summary>
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
}
