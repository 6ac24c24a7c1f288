using Microsoft.Extensions.Options;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Features.Integrations;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>
/// Meta Lead Ads: <c>GET /api/webhooks/meta</c> answers Meta's subscription handshake (<c>Meta:VerifyToken</c>);
/// <c>POST /api/webhooks/meta-leads</c> stores a request signed with <c>Meta:AppSecret</c> (else 401, not stored).
/// </summary>
public static class MetaLeadsReceiver
{
    public static void Map(RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/meta", (HttpRequest request, IOptionsMonitor<MetaAppOptions> options) => InboundRequest.Handshake(request, options.Get(MetaAppOptions.Meta).VerifyToken));
        webhooks.MapPost("/meta-leads", ReceiveAsync).AsWebhookReceiver();
    }

    private static Task<IResult> ReceiveAsync(HttpRequest request, IOptionsMonitor<MetaAppOptions> options, InboxReceiver inbox, CancellationToken ct) =>
        InboundRequest.ReceiveSignedAsync(request, options.Get(MetaAppOptions.Meta), InboxProvider.MetaLeads, inbox, ct);
}
