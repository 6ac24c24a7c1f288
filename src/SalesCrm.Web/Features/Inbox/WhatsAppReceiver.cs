using SalesCrm.Core.Inbox;
using SalesCrm.Web.Features.Integrations;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>
/// WhatsApp Cloud API: <c>GET /api/webhooks/whatsapp</c> answers the handshake (<c>WhatsApp:VerifyToken</c>);
/// <c>POST /api/webhooks/whatsapp</c> stores a request signed with <c>WhatsApp:AppSecret</c> (messages, statuses, notices).
/// </summary>
public static class WhatsAppReceiver
{
    public static void Map(RouteGroupBuilder webhooks) =>
        InboundRequest.MapMetaSigned(webhooks, "/whatsapp", "/whatsapp", MetaAppOptions.WhatsApp, InboxProvider.WhatsApp);
}
