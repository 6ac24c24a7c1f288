using SalesCrm.Core.Common;

namespace SalesCrm.Core.Webhooks;

/// <summary>One message to one subscription, with its persisted attempt schedule so restarts lose nothing.</summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid SubscriptionId { get; set; }
    /// <summary>The <c>webhook-id</c>: the event id, the same on every retry so receivers can de-duplicate.</summary>
    public required string MessageId { get; set; }
    public Guid? EventId { get; set; }
    public required string EventType { get; set; }
    public required string Body { get; set; }
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public int? LastLatencyMs { get; set; }
    public string? LastResponseExcerpt { get; set; }
    public string? LastError { get; set; }
    public bool IsTest { get; set; }
    /// <summary>An admin's manual redelivery: an extra row for the same event, outside the one-per-subscription-and-event key.</summary>
    public bool IsRedelivery { get; set; }
    /// <summary>The instance working on this row (<c>Scale:Claims:Instance</c>) until <see cref="LeaseUntil"/>.</summary>
    public string? ClaimedBy { get; set; }
    /// <summary>When the claim lapses; after it another instance may take the row over (a crashed instance's work).</summary>
    public DateTime? LeaseUntil { get; set; }
    public DateTime CreatedAt { get; set; }
}
