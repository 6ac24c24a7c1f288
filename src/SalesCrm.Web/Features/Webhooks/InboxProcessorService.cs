using SalesCrm.Core.Webhooks;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>Processes stored webhooks right after they arrive, and retries due ones every second.</summary>
public sealed class InboxProcessorService(IServiceScopeFactory scopes, InboxSignal signal, ILogger<InboxProcessorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetRequiredService<InboxProcessor>();
                while (await processor.ProcessDueAsync(20, stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Processing the webhook inbox failed; retrying shortly");
            }
            try { await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
