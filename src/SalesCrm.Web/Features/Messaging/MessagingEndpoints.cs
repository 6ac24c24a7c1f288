using System.Text;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Webhooks;
using SalesCrm.Web.Features.Webhooks;

namespace SalesCrm.Web.Features.Messaging;

public sealed record SendMessageRequest(string? Text, Guid? TemplateId);

public static class MessagingEndpoints
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<MetaAppOptions>("WhatsApp").BindConfiguration("WhatsApp");
        services.AddHttpClient<IWhatsAppSender, WhatsAppCloudSender>().AddStandardResilienceHandler();
        return services;
    }

    public static IEndpointRouteBuilder MapMessagingEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks/whatsapp").WithTags("Inbound webhooks").AllowAnonymous();
        webhooks.MapGet("/", (HttpRequest request, IOptionsMonitor<MetaAppOptions> options) => InboundWebhooksEndpoints.Handshake(request, options.Get("WhatsApp").VerifyToken));
        webhooks.MapPost("/", ReceiveAsync);

        var messages = app.MapGroup("/api/v1/leads/{id:guid}/messages").WithTags("Messaging").RequireAuthorization(Capabilities.LeadsRead);
        messages.MapGet("/", async (Guid id, MessagingService service, CancellationToken ct, int limit = 50, int offset = 0) =>
            TypedResults.Ok(await service.ListAsync(id, new PageRequest(limit, offset), ct)));
        messages.MapPost("/", async (Guid id, SendMessageRequest body, MessagingService service, CancellationToken ct) =>
        {
            if (body.TemplateId is not null) throw new ValidationException("template_id", "template messages are not available yet; send text inside the 24-hour window.");
            var message = await service.SendTextAsync(id, body.Text, ct);
            return TypedResults.Created($"/api/v1/leads/{id}/messages", message);
        });
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptionsMonitor<MetaAppOptions> options, InboxService inbox, CancellationToken ct)
    {
        var (body, tooLarge) = await InboundWebhooksEndpoints.ReadBodyAsync(request, ct);
        if (tooLarge) return InboundWebhooksEndpoints.TooLarge();
        if (!MetaSignature.IsValid(options.Get("WhatsApp").AppSecret, request.Headers["X-Hub-Signature-256"], body!)) return InboundWebhooksEndpoints.BadSignature();
        var id = await inbox.ReceiveAsync(InboxProvider.WhatsApp, null, Encoding.UTF8.GetString(body!), new Dictionary<string, string>(), ct);
        return Results.Ok(new { status = "received", id });
    }
}
