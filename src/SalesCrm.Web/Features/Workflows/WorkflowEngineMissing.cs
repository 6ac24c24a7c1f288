using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Core.Workflows.Triggers;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// Stands in for the engine's <see cref="IWorkflowRunStarter"/> while none is registered (it is added only when no other
/// is), so the triggers and <c>call_workflow</c> resolve; every start is refused with 409 <c>WORKFLOW_NOT_ACTIVE</c>.
/// </summary>
public sealed class WorkflowEngineMissing : IWorkflowRunStarter
{
    public Task<Guid> EnqueueAsync(CrmDbContext db, WorkflowStartRequest request, CancellationToken ct) =>
        throw new ConflictException("The workflow engine is not installed; runs cannot start.", WorkflowTriggerCodes.WorkflowNotActive);
}
