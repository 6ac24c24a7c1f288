using SalesCrm.Core.Webhooks;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>Body of <c>POST /api/v1/webhooks</c> and <c>PATCH /api/v1/webhooks/{id}</c>; omitted fields keep their value on PATCH.</summary>
public sealed record WebhookRequest(string? Url, List<string>? Events, string? Secret, string? Description, bool? IsActive)
{
    public WebhookInput ToInput() => new(Url, Events, Secret, Description, IsActive);
}
