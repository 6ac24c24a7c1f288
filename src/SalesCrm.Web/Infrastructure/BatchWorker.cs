using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// A background loop that drains work in batches (each round in a fresh DI scope) until a batch comes back short, then
/// sleeps until woken (by <paramref name="wakeOn"/> or <see cref="Wake"/>) or until <see cref="Idle"/> passes. Errors are
/// logged and retried on the next round.
/// </summary>
public abstract class BatchWorker(IServiceScopeFactory scopes, ILogger logger, WorkSignal? wakeOn = null) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>How long to sleep when idle: the longest a scheduled item (a retry, an event left by a crash) waits.</summary>
    protected virtual TimeSpan Idle => TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long to let work gather after a wake-up before taking a batch. Work committed one item at a time (a lead
    /// per inbox item) is then handled a batch at a time instead of one round trip each.
    /// </summary>
    protected virtual TimeSpan Gather => TimeSpan.Zero;

    /// <summary>The most items one batch takes; a shorter batch means nothing else is due (new work wakes the loop).</summary>
    protected abstract int BatchSize { get; }

    /// <summary>Processes one batch of at most <paramref name="max"/> items; returns how many it handled.</summary>
    protected abstract Task<int> RunBatchAsync(IServiceProvider services, int max, CancellationToken ct);

    /// <summary>Starts the next round now (called when new work was committed).</summary>
    protected void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (wakeOn is not null) wakeOn.Notified += Wake;
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            if (wakeOn is not null) wakeOn.Notified -= Wake;
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                while (await RunBatchAsync(scope.ServiceProvider, BatchSize, stoppingToken) >= BatchSize) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Worker} failed; retrying shortly", GetType().Name);
            }
            try
            {
                if (await _wake.WaitAsync(Idle, stoppingToken) && Gather > TimeSpan.Zero) await Task.Delay(Gather, stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }
}
