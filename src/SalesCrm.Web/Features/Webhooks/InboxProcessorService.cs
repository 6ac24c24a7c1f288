using SalesCrm.Core.Webhooks;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>Processes stored webhooks right after they arrive, and retries due ones every second.</summary>
/// <remarks><c>Inbox:ProcessingEnabled=false</c> keeps receiving and acknowledging but processes nothing (maintenance).</remarks>
public sealed class InboxProcessorService(IServiceScopeFactory scopes, InboxSignal signal, IConfiguration configuration, ILogger<InboxProcessorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Inbox:ProcessingEnabled", true))
        {
            logger.LogWarning("Inbox processing is disabled (Inbox:ProcessingEnabled=false); webhooks are stored but not processed.");
            return;
        }
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
