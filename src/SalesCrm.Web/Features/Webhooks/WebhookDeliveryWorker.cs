using SalesCrm.Core.Events;
using SalesCrm.Core.Webhooks;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>Sends due webhook deliveries: promptly after events commit, and every second for scheduled retries.</summary>
public sealed class WebhookDeliveryWorker(IServiceScopeFactory scopes, ICrmEventBus bus, ILogger<WebhookDeliveryWorker> logger) : BatchWorker(scopes, logger)
{
    protected override Task<int> RunBatchAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<WebhookDeliverer>().DeliverDueAsync(20, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe(_ => { Wake(); return Task.CompletedTask; });
        await base.ExecuteAsync(stoppingToken);
    }
}
