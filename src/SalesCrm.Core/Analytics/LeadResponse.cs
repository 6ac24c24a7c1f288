using SalesCrm.Core.Common;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// A customer waiting for the team: opened by a new lead (<see cref="ResponseKind.FirstContact"/>, speed-to-lead) or by
/// an inbound WhatsApp message when none is open (<see cref="ResponseKind.Inbound"/>), closed by the first outbound
/// contact after it (a WhatsApp message sent, a call or e-mail logged). Written as it happens by <see cref="ResponseTracking"/>.
/// </summary>
public sealed class LeadResponse : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public ResponseKind Kind { get; set; }
    /// <summary>When the wait began (UTC): the lead's creation, or the first unanswered inbound message.</summary>
    public DateTime WaitingSince { get; set; }
    /// <summary>When the first outbound contact came; null while the customer is still waiting.</summary>
    public DateTime? RespondedAt { get; set; }
    /// <summary>Who answered (user id; null for an API key or the system).</summary>
    public Guid? ResponderId { get; set; }
    /// <summary>How the team answered: <c>whatsapp</c>, <c>call</c> or <c>email</c>.</summary>
    public string? Channel { get; set; }
    /// <summary><see cref="RespondedAt"/> − <see cref="WaitingSince"/> in seconds, stored so averages need no date arithmetic in SQL.</summary>
    public long? Seconds { get; set; }
}

public enum ResponseKind { FirstContact, Inbound }
