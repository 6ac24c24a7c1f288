using System.Collections.Concurrent;
using SalesCrm.Core.Data;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>Stands in for the engine's run starter: records each request and returns a new queue id.</summary>
public sealed class RecordingRunStarter : IWorkflowRunStarter
{
    public ConcurrentQueue<(Guid QueueId, WorkflowStartRequest Request)> Requests { get; } = new();

    public Task<Guid> EnqueueAsync(CrmDbContext db, WorkflowStartRequest request, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        Requests.Enqueue((id, request));
        return Task.FromResult(id);
    }

    public IReadOnlyList<WorkflowStartRequest> For(Guid workflowId) => Requests.Where(r => r.Request.WorkflowId == workflowId).Select(r => r.Request).ToList();
}
