using SalesCrm.Core.Events;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>Sends due webhook deliveries: promptly after events commit, and every second for scheduled retries.</summary>
public sealed class WebhookDeliveryWorker(IServiceScopeFactory scopes, ICrmEventBus bus, ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe(_ =>
        {
            if (_wake.CurrentCount == 0) _wake.Release();
            return Task.CompletedTask;
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deliverer = scope.ServiceProvider.GetRequiredService<WebhookDeliverer>();
                while (await deliverer.DeliverDueAsync(20, stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Delivering webhooks failed; retrying shortly");
            }
            try { await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
