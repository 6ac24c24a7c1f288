using SalesCrm.Core.Common;

namespace SalesCrm.Core.Messaging;

/// <summary>
/// A lead's WhatsApp conversation handed from the bot to a person (a workflow's <c>handoff</c> node, or the lead asking for
/// "atendente"). While one is open (<see cref="ReleasedAt"/> null) the bot stays silent for the lead: ask and AI-reply
/// nodes end their run, and inbound-message triggers do not start bots (<see cref="BotConversations"/>).
/// </summary>
public sealed class ConversationHandoff : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    /// <summary>The member the conversation was handed to; null when nobody could be assigned.</summary>
    public Guid? AssignedTo { get; set; }
    /// <summary>The workflow run that handed off, if a run did.</summary>
    public Guid? RunId { get; set; }
    /// <summary>Why: <c>node</c> (a handoff node), <c>requested</c> (the lead asked for a person), <c>low_confidence</c>.</summary>
    public required string Reason { get; set; }
    public DateTime HandedOffAt { get; set; }
    /// <summary>When the conversation was given back to the bot; null while a person handles it.</summary>
    public DateTime? ReleasedAt { get; set; }
}
