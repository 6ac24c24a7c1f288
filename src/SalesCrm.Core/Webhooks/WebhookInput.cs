namespace SalesCrm.Core.Webhooks;

public sealed record WebhookInput(string? Url, IReadOnlyList<string>? Events, string? Secret = null, string? Description = null, bool? IsActive = null);
