using SalesCrm.Core.Events;

namespace SalesCrm.Web.Features.Events;

/// <summary>Runs the outbox: at once when a change commits in this process, and every few seconds for anything left over (restarts).</summary>
public sealed class OutboxDispatcherService(IServiceScopeFactory scopes, ICrmEventBus bus, ILogger<OutboxDispatcherService> logger) : BackgroundService
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
                var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
                while (await dispatcher.DispatchBatchAsync(100, stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Dispatching events failed; retrying shortly");
            }
            try { await _wake.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
