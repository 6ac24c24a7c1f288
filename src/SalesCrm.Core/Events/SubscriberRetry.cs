using SalesCrm.Core.Common;

namespace SalesCrm.Core.Events;

/// <summary>
/// Poison isolation: a durable subscriber that failed on one event gets this row (its own attempts, next attempt and
/// last error) while the event itself is handed off to every other subscriber and the outbox moves on. The dispatcher
/// retries it on its schedule; after the last attempt it stays <see cref="Failed"/> for an operator to look at.
/// </summary>
public sealed class SubscriberRetry : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid EventId { get; set; }
    /// <summary>The subscriber's type name (<see cref="OutboxDispatcher.NameOf"/>).</summary>
    public required string Subscriber { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public bool Failed { get; set; }
    public DateTime CreatedAt { get; set; }
}
