using SalesCrm.Core.Inbox;
using SalesCrm.Web.Features.Integrations;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>
/// Meta Lead Ads: <c>GET /api/webhooks/meta</c> answers Meta's subscription handshake (<c>Meta:VerifyToken</c>);
/// <c>POST /api/webhooks/meta-leads</c> stores a request signed with <c>Meta:AppSecret</c> (else 401, not stored).
/// </summary>
public static class MetaLeadsReceiver
{
    public static void Map(RouteGroupBuilder webhooks) =>
        InboundRequest.MapMetaSigned(webhooks, "/meta", "/meta-leads", MetaAppOptions.Meta, InboxProvider.MetaLeads);
}
