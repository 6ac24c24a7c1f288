using SalesCrm.Core.Common;

namespace SalesCrm.Core.Webhooks;

/// <summary>An outbound subscription: committed events of the listed types are POSTed to <see cref="Url"/>, signed.</summary>
public sealed class WebhookSubscription : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Url { get; set; }
    /// <summary>Event types, or <c>*</c> for all.</summary>
    public List<string> Events { get; set; } = [];
    /// <summary>The signing secret (<c>whsec_…</c>), encrypted at rest with ASP.NET Data Protection.</summary>
    public required string SecretProtected { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Set when a delivery exhausted its retries; cleared by the next successful delivery.</summary>
    public bool Failing { get; set; }
    public DateTime? FailingSince { get; set; }
    /// <summary>When the subscription was switched off by the system rather than by an admin (e.g. the receiver answered 410 Gone).</summary>
    public DateTime? DeactivatedAt { get; set; }
    /// <summary>Why the system switched it off, in English for the API (the Webhooks page shows a localized text); null when active or switched off by hand.</summary>
    public string? DeactivatedReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool Wants(string eventType) => IsActive && (Events.Contains("*") || Events.Contains(eventType));
}
