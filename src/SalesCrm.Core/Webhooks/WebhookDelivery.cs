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
    public DateTime CreatedAt { get; set; }
}
