using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>end</c>: completes the run.</summary>
public sealed class EndNodeExecutor : IWorkflowNodeExecutor
{
    public string NodeType => WorkflowNodeCatalog.End;

    public Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct) => Task.FromResult(WorkflowNodeOutcome.End());
}
