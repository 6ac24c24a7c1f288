using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>Outbound webhooks: subscriptions, the delivery log, and the worker that posts signed events.</summary>
public static class WebhooksEndpoints
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookDeliverer>();
        services.AddScoped<IEventSubscriber, WebhookEventSubscriber>();
        services.AddSingleton<WebhookDeliverySignal>();
        services.AddSingleton<WebhookActivity>();
        HttpWebhookTransport.AddWebhookTransport(services);
        services.AddHostedService<WebhookDeliveryWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooksEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Capabilities.WebhooksManage);
        group.MapGet("/", async (WebhookService service, CancellationToken ct) =>
        {
            var items = await service.ListAsync(ct);
            return TypedResults.Ok(Paged.All(items));
        });
        group.MapPost("/", async (WebhookRequest body, WebhookService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(body.ToInput(), ct);
            return TypedResults.Created($"/api/v1/webhooks/{created.Id}", created);
        });
        group.MapPatch("/{id:guid}", async (Guid id, WebhookRequest body, WebhookService service, CancellationToken ct) => TypedResults.Ok(await service.UpdateAsync(id, body.ToInput(), ct)));
        group.MapDelete("/{id:guid}", async (Guid id, WebhookService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        group.MapGet("/{id:guid}/deliveries", async (Guid id, WebhookService service, CancellationToken ct, int limit = 50, int offset = 0) =>
            TypedResults.Ok(await service.DeliveriesAsync(id, new PageRequest(limit, offset), ct)));
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async (Guid id, Guid deliveryId, WebhookService service, CancellationToken ct) =>
            TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", await service.RedeliverAsync(id, deliveryId, ct)));
        group.MapPost("/{id:guid}/test", async (Guid id, WebhookService service, CancellationToken ct) =>
            TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", await service.TestAsync(id, ct)));
        return app;
    }
}
