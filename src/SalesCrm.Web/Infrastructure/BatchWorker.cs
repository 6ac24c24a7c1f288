namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// A background loop that drains work in batches (each in a fresh DI scope) until a batch finds nothing, then sleeps
/// until woken or until <see cref="Idle"/> passes. Errors are logged and retried on the next round.
/// </summary>
public abstract class BatchWorker(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>How long to sleep when idle: the longest a scheduled item (a retry, an event left by a crash) waits.</summary>
    protected virtual TimeSpan Idle => TimeSpan.FromSeconds(1);

    /// <summary>Processes one batch; returns how many items it handled.</summary>
    protected abstract Task<int> RunBatchAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>Starts the next round now (called when new work was committed).</summary>
    protected void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                while (await RunBatchAsync(scope.ServiceProvider, stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Worker} failed; retrying shortly", GetType().Name);
            }
            try { await _wake.WaitAsync(Idle, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
