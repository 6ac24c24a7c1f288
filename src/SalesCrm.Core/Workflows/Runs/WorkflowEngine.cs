using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Claims;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// One round of the workflow worker (ADR 051): turns claimed queue items into runs, then claims runnable runs (running
/// without a live lease, waiting ones whose time passed or whose bookmark matched, retries that are due) and executes
/// each node by node, one transaction per node. Claims are conditional updates of <c>ClaimedBy</c>/<c>LeaseUntil</c>
/// (the pattern of ADR 047), so several instances share the work; a lapsed lease makes a run claimable again.
/// A run that throws is logged and released; it never holds up the others.
/// </summary>
public sealed class WorkflowEngine(IDbContextFactory<CrmDbContext> dbFactory, WorkflowQueueProcessor queue, IServiceScopeFactory scopes,
    IOptions<ClaimOptions> claims, IOptions<WorkflowEngineOptions> options, TimeProvider time, ILogger<WorkflowEngine> logger)
{
    /// <summary>Processes up to <paramref name="max"/> queue items and up to <paramref name="max"/> runs; returns the larger count.</summary>
    public async Task<int> RunBatchAsync(int max, CancellationToken ct = default)
    {
        var started = await queue.StartQueuedAsync(max, ct);
        var ran = await RunDueAsync(max, ct);
        return Math.Max(started, ran);
    }

    /// <summary>Claims up to <paramref name="max"/> runnable runs and runs each until it waits, ends or fails; returns how many it claimed.</summary>
    public async Task<int> RunDueAsync(int max, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var me = claims.Value.Instance;
        var lease = WorkClaims.LeaseEnd(now, claims.Value.Lease);
        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var runs = db.WorkflowRuns.IgnoreQueryFilters();
            var candidates = runs.Where(r => (r.LeaseUntil == null || r.LeaseUntil < now)
                    && ((r.Status == WorkflowRunStatuses.Running && (r.NextAttemptAt == null || r.NextAttemptAt <= now))
                        || (r.Status == WorkflowRunStatuses.Waiting && (r.ResumeDue || r.WaitUntil <= now))))
                .OrderBy(r => r.StartedAt).Take(max).Select(r => r.Id);
            // The lease condition is repeated outside the sub-query: PostgreSQL re-checks it on a row another instance claimed meanwhile.
            var claimed = await runs.Where(r => candidates.Contains(r.Id) && (r.LeaseUntil == null || r.LeaseUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedBy, me).SetProperty(r => r.LeaseUntil, lease), ct);
            if (claimed == 0) return 0;
            ids = await runs.Where(r => r.ClaimedBy == me && r.LeaseUntil == lease).Select(r => r.Id).ToListAsync(ct);
        }
        await using (new LeaseRenewer(claims.Value.Lease, async token =>
        {
            await using var renew = await dbFactory.CreateDbContextAsync(token);
            var until = WorkClaims.LeaseEnd(time.GetUtcNow().UtcDateTime, claims.Value.Lease);
            await renew.WorkflowRuns.IgnoreQueryFilters().Where(r => ids.Contains(r.Id) && r.ClaimedBy == me).ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, until), token);
        }, time))
        {
            // A few runs at a time, so one slow step (an outside call) does not hold up the other runs of the batch.
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism) }, async (id, _) =>
            {
                if (ct.IsCancellationRequested) return;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var runner = scope.ServiceProvider.GetRequiredService<WorkflowStepRunner>();
                    await runner.RunAsync(id, me, claims.Value.Lease, options.Value.MaxStepsPerClaim, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(e, "Workflow run {RunId} failed a step; it is released and tried again on a later round", id);
                }
            });
        }
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            await db.WorkflowRuns.IgnoreQueryFilters().Where(r => ids.Contains(r.Id) && r.ClaimedBy == me)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.LeaseUntil, (DateTime?)null), CancellationToken.None);
        }
        return ids.Count;
    }
}
