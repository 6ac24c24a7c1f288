namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Queues runs (ADR 051): each request becomes a <see cref="WorkflowQueueItem"/> that a worker turns into a run. Triggers
/// (event subscriber, schedule job, webhook endpoint, inbound WhatsApp, manual button/API, <c>call_workflow</c>) all
/// start runs through this, so claiming, loop guard and limits live in one place.
/// </summary>
public interface IWorkflowRunStarter
{
    /// <summary>
    /// Adds a pending queue item for <paramref name="request"/> to <paramref name="db"/> and saves it (inside the
    /// caller's transaction when one is open, so the item commits with the cause) and wakes the worker after commit.
    /// Returns the queue item's id. Throws a <c>DomainException</c> with code <c>WORKFLOW_NOT_ACTIVE</c> (409) when the workflow is
    /// not active or has no published version, and the not-found error when it is not in the tenant.
    /// </summary>
    Task<Guid> EnqueueAsync(Data.CrmDbContext db, WorkflowStartRequest request, CancellationToken ct);
}
