using Microsoft.Extensions.Options;
using SalesCrm.Core.Data;
using SalesCrm.Core.Common;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Integrations;
using Microsoft.EntityFrameworkCore;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>What a receiver answers once the request is stored: <c>{ "status": "received", "id" }</c>.</summary>
public sealed record ReceivedResponse(string Status, Guid Id);

/// <summary>
/// Public receivers for Meta Lead Ads and Zapier. A request is authenticated first (unauthenticated: 401, not stored),
/// stored verbatim, and acknowledged; a background processor turns it into leads.
/// </summary>
public static class InboundWebhooksEndpoints
{
    public static IServiceCollection AddInboundWebhooks(this IServiceCollection services)
    {
        services.AddOptions<MetaAppOptions>("Meta").BindConfiguration("Meta");
        services.AddOptions<MetaAppOptions>().BindConfiguration("Meta");
        services.AddOptions<InboxOptions>().BindConfiguration("Inbox");
        services.AddSingleton<IActorScopeFactory, Infrastructure.ActorScopeFactory>();
        services.AddHttpClient<IMetaGraphClient, MetaGraphClient>().AddStandardResilienceHandler();
        services.AddHostedService<InboxProcessorService>();
        return services;
    }

    public static IEndpointRouteBuilder MapInboundWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").WithTags("Inbound webhooks").AllowAnonymous();
        group.MapGet("/meta", (HttpRequest request, IOptionsMonitor<MetaAppOptions> options) => Handshake(request, options.Get("Meta").VerifyToken));
        group.MapPost("/meta-leads", ReceiveMetaAsync).AsWebhookReceiver();
        group.MapPost("/zapier-leads", ReceiveZapierAsync).AsWebhookReceiver();
        return app;
    }

    /// <summary>Meta's subscription check: echo <c>hub.challenge</c> when the verify token matches.</summary>
    internal static IResult Handshake(HttpRequest request, string? verifyToken)
    {
        var q = request.Query;
        return q["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(verifyToken) && q["hub.verify_token"] == verifyToken
            ? Results.Text(q["hub.challenge"].ToString(), "text/plain")
            : Results.Problem(statusCode: 403, title: "Verification failed.");
    }

    private static Task<IResult> ReceiveMetaAsync(HttpRequest request, IOptionsMonitor<MetaAppOptions> options, InboxReceiver inbox, CancellationToken ct) =>
        ReceiveSignedAsync(request, options.Get("Meta").AppSecret, InboxProvider.MetaLeads, inbox, ct);

    /// <summary>Meta's senders (Lead Ads, WhatsApp): the raw body must carry the app's <c>X-Hub-Signature-256</c>; one request may serve several tenants.</summary>
    internal static async Task<IResult> ReceiveSignedAsync(HttpRequest request, string? appSecret, InboxProvider provider, InboxReceiver inbox, CancellationToken ct)
    {
        var (body, tooLarge) = await ReadBodyAsync(request, ct);
        if (tooLarge) return TooLarge();
        if (!MetaSignature.IsValid(appSecret, request.Headers["X-Hub-Signature-256"], body!)) return BadSignature();
        return Received(await inbox.ReceiveAsync(provider, null, body!, Headers(request), ct));
    }

    private static async Task<IResult> ReceiveZapierAsync(HttpRequest request, IDbContextFactory<CrmDbContext> dbFactory, ISecretProtector protector, InboxReceiver inbox, CancellationToken ct)
    {
        var secret = request.Headers["X-Webhook-Secret"].ToString();
        if (string.IsNullOrEmpty(secret)) return BadSignature();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var route = await IntegrationService.RouteAsync(db, protector, IntegrationKind.Zapier, IntegrationService.HashSecret(secret), ct);
        if (route is not { } r) return BadSignature();
        var (body, tooLarge) = await ReadBodyAsync(request, ct);
        if (tooLarge) return TooLarge();
        return Received(await inbox.ReceiveAsync(InboxProvider.Zapier, r.TenantId, body!, Headers(request), ct));
    }

    internal static async Task<(byte[]? Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
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

    private static IResult Received(Guid id) => TypedResults.Ok(new ReceivedResponse("received", id));

    internal static IResult BadSignature() => Results.Problem(statusCode: 401, title: "Missing or invalid webhook signature.");

    internal static IResult TooLarge() => Results.Problem(statusCode: 413, title: $"The body is larger than {InboxReceiver.MaxBodyBytes / 1024} KiB.");

    private static IReadOnlyDictionary<string, string> Headers(HttpRequest request) =>
        request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || h.Key is "Content-Type" or "User-Agent")
            .Where(h => !h.Key.Equals("X-Webhook-Secret", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString());
}
