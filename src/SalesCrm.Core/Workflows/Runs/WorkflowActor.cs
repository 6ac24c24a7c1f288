using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Who a run acts as: a trusted internal actor of type <see cref="ActorType.Workflow"/> inside the run's workspace,
/// named after the workflow, whose correlation id is the run's, so every event its actions write carries it (loop guard).
/// </summary>
public static class WorkflowActor
{
    public static FixedCurrentUser For(Guid tenantId, Guid correlationId, string? workflowName) =>
        FixedCurrentUser.Internal(tenantId, ActorType.Workflow, $"Workflow: {workflowName ?? "?"}", correlationId.ToString());
}
