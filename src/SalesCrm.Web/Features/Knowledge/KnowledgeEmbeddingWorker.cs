using Microsoft.Extensions.Options;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>
/// Runs <see cref="KnowledgeEmbeddingJob"/> in the background: batch after batch while chunks are pending, then sleeps
/// until chunks are written or generation is asked for (<see cref="KnowledgeEmbeddingSignal"/>), or a minute passes (work
/// another instance or a configuration change left). A provider error is logged and retried after
/// <see cref="KnowledgeEmbeddingOptions.RetrySeconds"/>, doubling up to five minutes (a wake-up retries at once); it
/// never stops the host. With several instances on one PostgreSQL database one of them embeds at a time
/// (<see cref="ClusterLock"/> <see cref="LockKey"/>): the others would pick the same pending chunks, pay the provider twice
/// and collide on the vector rows; they look again after <see cref="Busy"/> and take over when the holder stops or dies.
/// </summary>
internal sealed class KnowledgeEmbeddingWorker(
    IServiceScopeFactory scopes, KnowledgeEmbeddingModel model, KnowledgeEmbeddingSignal signal, KnowledgeEmbeddingState state, DatabaseInfo database,
    IOptionsMonitor<KnowledgeEmbeddingOptions> options, TimeProvider time, ILogger<KnowledgeEmbeddingWorker> logger) : BackgroundService
{
    /// <summary>The cluster lock's key: "SCRM" "EMBD" in ASCII.</summary>
    public const long LockKey = 0x5343524D_454D4244;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _wake = new(0);

    private void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.Notified += Wake;
        using var reload = options.OnChange(_ => Wake());
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            signal.Notified -= Wake;
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (model.Configured && string.Equals(model.Options.Provider, "minilm", StringComparison.OrdinalIgnoreCase))
        {
            // Loading the offline model takes seconds: done now, the first search does not wait for it.
            try { await model.EmbedAsync(["warm-up"], stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { logger.LogWarning(e, "Knowledge embeddings: loading the MiniLM model failed"); }
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Idle;
            try
            {
                if (model.Configured)
                {
                    await using var held = await ClusterLock.TryAcquireAsync(database, LockKey, stoppingToken);
                    if (held is null)
                    {
                        await _wake.WaitAsync(Busy, stoppingToken);
                        continue;
                    }
                    var batchSize = options.CurrentValue.BatchSize;
                    int done;
                    do
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        done = await scope.ServiceProvider.GetRequiredService<KnowledgeEmbeddingJob>().RunBatchAsync(batchSize, stoppingToken);
                        if (failures > 0) logger.LogInformation("Knowledge embeddings: the provider answers again");
                        failures = 0;
                        state.Succeeded();
                    }
                    while (done >= batchSize && !stoppingToken.IsCancellationRequested);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                wait = TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, options.CurrentValue.RetrySeconds * Math.Pow(2, Math.Min(failures - 1, 16))));
                state.Failed(e.Message, time.GetUtcNow().UtcDateTime + wait, failures);
                logger.LogWarning(e, "Knowledge embeddings: {Model} failed (attempt {Attempt}); retrying in {Seconds:0} s", model.Name, failures, wait.TotalSeconds);
            }
            await _wake.WaitAsync(wait, stoppingToken);
        }
    }
}
