namespace SalesCrm.Core.Webhooks;

/// <summary>Returned once, at creation: the only response that carries the signing secret.</summary>
public sealed record CreatedWebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, bool IsActive, string Secret, DateTime CreatedAt);
