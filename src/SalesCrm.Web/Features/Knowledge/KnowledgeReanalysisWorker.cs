using Microsoft.Extensions.Options;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>
/// Once after each start, runs <see cref="KnowledgeReanalysis"/> over every workspace's documents, a batch at a time, so
/// chunks indexed by an older analysis (before a vocabulary change) meet questions analysed by the current one. Only chunks
/// stamped with an older <see cref="KnowledgeText.AnalyserVersion"/> are read (none after a start with the same analyser); an error is logged and the pass ends (the next start tries again).
/// <see cref="KnowledgeSearchOptions.ReanalyseOnStart"/> turns it off. Instances on one PostgreSQL database started
/// together make one pass between them (<see cref="ClusterLock"/> <see cref="LockKey"/>): one that finds the lock taken
/// leaves the pass to its holder, which reads the same stale chunks.
/// </summary>
internal sealed class KnowledgeReanalysisWorker(IServiceScopeFactory scopes, IOptions<KnowledgeSearchOptions> options, DatabaseInfo database, ILogger<KnowledgeReanalysisWorker> logger)
    : BackgroundService
{
    private const int DocumentsPerBatch = 100;

    /// <summary>The cluster lock's key: "SCRM" "REAN" in ASCII.</summary>
    public const long LockKey = 0x5343524D_5245414E;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ReanalyseOnStart) return;
        await Task.Yield();
        try
        {
            await using var held = await ClusterLock.TryAcquireAsync(database, LockKey, stoppingToken);
            if (held is null) return;
            Guid? last = null;
            var rewritten = 0;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                (last, var n) = await scope.ServiceProvider.GetRequiredService<KnowledgeReanalysis>().RunBatchAsync(last, DocumentsPerBatch, stoppingToken);
                rewritten += n;
            } while (last is not null);
            if (rewritten > 0) logger.LogInformation("Knowledge search: {Count} chunks re-analysed with the current vocabulary", rewritten);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Knowledge search: re-analysing chunks failed; they keep their terms until the next start or an edit");
        }
    }
}
