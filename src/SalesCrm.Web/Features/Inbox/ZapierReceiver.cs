using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Integrations;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>
/// Zapier: <c>POST /api/webhooks/zapier-leads</c> with the workspace's secret in <c>X-Webhook-Secret</c> (missing or
/// unknown: 401, not stored); the secret names the workspace, so the item is stored with its tenant. The body is JSON (an
/// object, or an array of objects: one lead each) or a URL-encoded form (Zapier's default "Form" payload), stored as
/// received and read as flat fields when processed; any other Content-Type is 415, not stored.
/// </summary>
public static class ZapierReceiver
{
    public static void Map(RouteGroupBuilder webhooks) => webhooks.MapPost("/zapier-leads", ReceiveAsync).AsWebhookReceiver();

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IDbContextFactory<CrmDbContext> dbFactory, ISecretProtector protector, InboxReceiver inbox, CancellationToken ct)
    {
        var secret = request.Headers["X-Webhook-Secret"].ToString();
        if (string.IsNullOrEmpty(secret)) return InboundRequest.BadSignature();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var route = await IntegrationService.RouteAsync(db, protector, IntegrationKind.Zapier, IntegrationService.HashSecret(secret), ct);
        if (route is not { } r) return InboundRequest.BadSignature();
        if (InboundRequest.Unreadable(request, formAllowed: true) is { } unsupported) return unsupported;
        var (body, tooLarge) = await InboundRequest.ReadBodyAsync(request, ct);
        if (tooLarge) return InboundRequest.TooLarge();
        return InboundRequest.Received(await inbox.ReceiveAsync(InboxProvider.Zapier, r.TenantId, body!, InboundRequest.Headers(request), ct));
    }
}
