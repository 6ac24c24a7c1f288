using Microsoft.Extensions.Options;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Features.Integrations;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>
/// WhatsApp Cloud API: <c>GET /api/webhooks/whatsapp</c> answers the handshake (<c>WhatsApp:VerifyToken</c>);
/// <c>POST /api/webhooks/whatsapp</c> stores a request signed with <c>WhatsApp:AppSecret</c> (messages, statuses, notices).
/// </summary>
public static class WhatsAppReceiver
{
    public static void Map(RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/whatsapp", (HttpRequest request, IOptionsMonitor<MetaAppOptions> options) => InboundRequest.Handshake(request, options.Get(MetaAppOptions.WhatsApp).VerifyToken));
        webhooks.MapPost("/whatsapp", ReceiveAsync).AsWebhookReceiver();
    }

    private static Task<IResult> ReceiveAsync(HttpRequest request, IOptionsMonitor<MetaAppOptions> options, InboxReceiver inbox, CancellationToken ct) =>
        InboundRequest.ReceiveSignedAsync(request, options.Get(MetaAppOptions.WhatsApp), InboxProvider.WhatsApp, inbox, ct);
}
