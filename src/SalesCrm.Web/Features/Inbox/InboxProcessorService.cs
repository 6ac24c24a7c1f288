using SalesCrm.Core.Inbox;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>Processes stored webhooks right after they arrive, and retries due ones every second.</summary>
/// <remarks><c>Inbox:ProcessingEnabled=false</c> keeps receiving and acknowledging but processes nothing (maintenance).</remarks>
public sealed class InboxProcessorService(IServiceScopeFactory scopes, InboxSignal signal, IConfiguration configuration, ILogger<InboxProcessorService> logger)
    : BatchWorker(scopes, logger, signal)
{
    protected override int BatchSize => 20;

    protected override Task<int> RunBatchAsync(IServiceProvider services, int max, CancellationToken ct) =>
        services.GetRequiredService<InboxProcessor>().ProcessDueAsync(max, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Inbox:ProcessingEnabled", true))
        {
            logger.LogWarning("Inbox processing is disabled (Inbox:ProcessingEnabled=false); webhooks are stored but not processed.");
            return;
        }
        await base.ExecuteAsync(stoppingToken);
    }
}
