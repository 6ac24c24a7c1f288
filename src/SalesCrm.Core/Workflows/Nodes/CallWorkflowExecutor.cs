using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>call_workflow</c>: queues a run of another workflow (its published version) for the same lead, with the node's
/// <c>input</c> rendered against this run's scope, one level deeper and on the same correlation, so the engine's loop
/// guard sees a chain of workflows calling each other. The queue item commits with this step. It does not wait for the
/// called run to finish.
/// </summary>
public sealed class CallWorkflowExecutor(CrmDbContext db, IWorkflowRunStarter starter) : IWorkflowNodeExecutor
{
    /// <summary>The <see cref="WorkflowStartRequest.TriggerKind"/> of a run another workflow started.</summary>
    public const string TriggerKind = "call_workflow";

    public string NodeType => "call_workflow";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (!Guid.TryParse(NodeSettings.Template(context, "workflow_id"), out var workflowId))
            return WorkflowNodeOutcome.Fail("Setting 'workflow_id' is not a workflow id.");
        var input = TemplateRenderer.RenderValue(NodeSettings.Raw(context, "input"), context.Scope);
        Guid queued;
        try
        {
            queued = await starter.EnqueueAsync(db, new WorkflowStartRequest(
                context.TenantId, workflowId, TriggerKind, context.LeadId, input, CorrelationId: context.CorrelationId, Depth: context.Depth + 1), ct);
        }
        catch (DomainException e)
        {
            // Switched off or deleted: retrying would not change that.
            return WorkflowNodeOutcome.Fail($"Workflow '{workflowId}' cannot be started: {e.Message}");
        }
        return WorkflowNodeOutcome.Next(output: new JsonObject { ["workflow_id"] = workflowId.ToString(), ["queue_item_id"] = queued.ToString() });
    }
}
