using SalesCrm.Core.Common;

namespace SalesCrm.Core.Copilot;

/// <summary>A workspace's fixed suggestion for an intent: the last fallback when neither a model nor the playbook answers.</summary>
public sealed class StaticSuggestion : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public CopilotIntent Intent { get; set; }
    /// <summary>Text with optional <c>{{first_name}}</c>, <c>{{lead_name}}</c>, <c>{{stage}}</c>, <c>{{product}}</c>, <c>{{owner_name}}</c>.</summary>
    public required string Text { get; set; }
    /// <summary>Order within the intent (lower first).</summary>
    public int Position { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
