using Microsoft.Extensions.Options;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Features.Integrations;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>
/// What the three receivers (<see cref="MetaLeadsReceiver"/>, <see cref="ZapierReceiver"/>, <see cref="WhatsAppReceiver"/>)
/// share: the body read within <see cref="InboxReceiver.MaxBodyBytes"/>, Meta's handshake and signature check, the kept
/// headers, and the answers (200 received, 401 bad signature, 413 too large, 415 a body they cannot read).
/// </summary>
public static class InboundRequest
{
    /// <summary>
    /// A Meta sender's pair of routes: <c>GET <paramref name="handshakePath"/></c> for the subscription handshake and
    /// <c>POST <paramref name="receivePath"/></c> for signed deliveries, both checked with the named <see cref="MetaAppOptions"/>.
    /// </summary>
    public static void MapMetaSigned(RouteGroupBuilder webhooks, string handshakePath, string receivePath, string options, InboxProvider provider)
    {
        webhooks.MapGet(handshakePath, (HttpRequest request, IOptionsMonitor<MetaAppOptions> monitor) => Handshake(request, monitor.Get(options).VerifyToken));
        webhooks.MapPost(receivePath, (HttpRequest request, IOptionsMonitor<MetaAppOptions> monitor, InboxReceiver inbox, CancellationToken ct) =>
            ReceiveSignedAsync(request, monitor.Get(options), provider, inbox, ct)).AsWebhookReceiver();
    }

    /// <summary>Meta's subscription check: echo <c>hub.challenge</c> when the verify token matches.</summary>
    public static IResult Handshake(HttpRequest request, string? verifyToken)
    {
        var q = request.Query;
        return q["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(verifyToken) && q["hub.verify_token"] == verifyToken
            ? Results.Text(q["hub.challenge"].ToString(), "text/plain")
            : Results.Problem(statusCode: 403, title: "Verification failed.");
    }

    /// <summary>Meta's senders (Lead Ads, WhatsApp): the raw body must carry the app's <c>X-Hub-Signature-256</c>; one request may serve several tenants.</summary>
    public static async Task<IResult> ReceiveSignedAsync(HttpRequest request, MetaAppOptions app, InboxProvider provider, InboxReceiver inbox, CancellationToken ct)
    {
        var (body, tooLarge) = await ReadBodyAsync(request, ct);
        if (tooLarge) return TooLarge();
        if (!MetaSignature.IsValid(app.AppSecret, request.Headers["X-Hub-Signature-256"], body!)) return BadSignature();
        if (Unreadable(request, formAllowed: false) is { } unsupported) return unsupported;
        return Received(await inbox.ReceiveAsync(provider, null, body!, Headers(request), ct));
    }

    public static async Task<(byte[]? Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is { } length)
        {
            // The usual case: the sender said how long the body is, so it is read straight into an array of that size.
            if (length > InboxReceiver.MaxBodyBytes) return (null, true);
            var exact = new byte[length];
            var got = await request.Body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, ct);
            if (got < length) throw new BadHttpRequestException("The body ended before Content-Length.");
            return (exact, false);
        }
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > InboxReceiver.MaxBodyBytes) return (null, true);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return (buffer.ToArray(), false);
    }

    /// <summary>
    /// 415 <c>UNSUPPORTED_MEDIA_TYPE</c> for a body the receiver cannot read (<see cref="InboundBody.FormatOf"/>): it is
    /// refused while the sender can still see the error, never acknowledged and then failed. Null when it can be read.
    /// </summary>
    public static IResult? Unreadable(HttpRequest request, bool formAllowed) =>
        InboundBody.FormatOf(request.ContentType, formAllowed) is null
            ? Results.Problem(statusCode: 415, title: $"Unsupported Content-Type '{request.ContentType}'.",
                detail: formAllowed ? "Send UTF-8 application/json or application/x-www-form-urlencoded." : "Send UTF-8 application/json.")
            : null;

    public static IResult Received(Guid id) => TypedResults.Ok(new ReceivedResponse("received", id));

    public static IResult BadSignature() => Results.Problem(statusCode: 401, title: "Missing or invalid webhook signature.");

    public static IResult TooLarge() => Results.Problem(statusCode: 413, title: $"The body is larger than {InboxReceiver.MaxBodyBytes / 1024} KiB.");

    /// <summary>The headers kept with the stored item: <c>X-*</c>, <c>Content-Type</c> and <c>User-Agent</c>, never the Zapier secret.</summary>
    public static IReadOnlyDictionary<string, string> Headers(HttpRequest request) =>
        request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || h.Key is "Content-Type" or "User-Agent")
            .Where(h => !h.Key.Equals("X-Webhook-Secret", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString());
}
