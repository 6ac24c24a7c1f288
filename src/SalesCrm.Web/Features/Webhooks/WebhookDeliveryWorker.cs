using SalesCrm.Core.Webhooks;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>Sends due webhook deliveries: as soon as new ones commit, and every second for scheduled retries.</summary>
public sealed class WebhookDeliveryWorker(IServiceScopeFactory scopes, WebhookDeliverySignal signal, ILogger<WebhookDeliveryWorker> logger) : BatchWorker(scopes, logger, signal)
{
    protected override int BatchSize => 20;

    protected override Task<int> RunBatchAsync(IServiceProvider services, int max, CancellationToken ct) =>
        services.GetRequiredService<WebhookDeliverer>().DeliverDueAsync(max, ct);
}
