namespace SalesCrm.Core.Webhooks;

/// <summary>An outbound subscription as the API and the Webhooks page show it.</summary>
/// <param name="DeactivatedAt">When the system switched the subscription off (UTC); null when active or switched off by an admin.</param>
/// <param name="DeactivatedReason">Why, e.g. the receiver answered 410 Gone (it unsubscribed, per Standard Webhooks); cleared on reactivation.</param>
public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, bool IsActive, bool Failing, DateTime? FailingSince, DateTime CreatedAt,
    DateTime? DeactivatedAt = null, string? DeactivatedReason = null);
