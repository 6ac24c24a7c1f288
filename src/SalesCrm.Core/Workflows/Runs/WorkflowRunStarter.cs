using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// The one way runs are asked for (ADR 051): a pending <see cref="WorkflowQueueItem"/> in the caller's unit of work,
/// and a wake-up of the worker once it is saved. The worker turns the item into a run of the published version.
/// </summary>
public sealed class WorkflowRunStarter(WorkflowSignal signal, TimeProvider time) : IWorkflowRunStarter
{
    public async Task<Guid> EnqueueAsync(CrmDbContext db, WorkflowStartRequest request, CancellationToken ct)
    {
        var workflow = await db.Workflows.IgnoreQueryFilters().AsNoTracking()
            .Where(w => w.Id == request.WorkflowId && w.TenantId == request.TenantId).Select(w => new { w.IsActive, w.Version }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Workflow", request.WorkflowId);
        if (!workflow.IsActive || workflow.Version == 0)
            throw new ConflictException("The workflow is not active or has no published version; publish or activate it first.", ErrorCodes.WorkflowNotActive);
        var item = Add(db, request);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>Adds the queue item without saving (the outbox subscriber saves with its hand-off) and wakes the worker on the next save.</summary>
    internal WorkflowQueueItem Add(CrmDbContext db, WorkflowStartRequest request)
    {
        var item = new WorkflowQueueItem
        {
            TenantId = request.TenantId, WorkflowId = request.WorkflowId, LeadId = request.LeadId, EventId = request.EventId, EventType = request.EventType,
            CorrelationId = request.CorrelationId ?? Ids.New(), Depth = request.Depth, TriggerKind = request.TriggerKind,
            Input = request.Input?.ToJsonString(), CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.WorkflowQueue.Add(item);
        WakeAfterSave(db);
        return item;
    }

    /// <summary>Notifies the worker once <paramref name="db"/> saves (once per context).</summary>
    internal void WakeAfterSave(CrmDbContext db)
    {
        if (!_wired.TryAdd(db, this)) return;
        db.SavedChanges += (_, _) =>
        {
            signal.Notify();
            // Inside the caller's transaction (the outbox hand-off) the rows are not committed yet when this fires: a
            // worker woken now may find nothing and sleep a poll period, so wake it again just after the commit.
            if (db.Database.CurrentTransaction is not null) _ = Task.Delay(WakeAgainAfter).ContinueWith(_ => signal.Notify(), TaskScheduler.Default);
        };
    }

    private static readonly TimeSpan WakeAgainAfter = TimeSpan.FromMilliseconds(30);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<CrmDbContext, object> _wired = new();
}
