using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>condition</c>: if/else with the filter-grammar operators; ports <c>true</c> and <c>false</c>.</summary>
public sealed class ConditionNodeExecutor : IWorkflowNodeExecutor
{
    public string NodeType => WorkflowNodeCatalog.Condition;

    public Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        var field = NodeSettings.Raw(context, "field")?.GetValue<string>() ?? "";
        var op = NodeSettings.Raw(context, "operator")?.GetValue<string>() ?? "eq";
        var result = ConditionEvaluator.Evaluate(new WorkflowCondition(field, op, NodeSettings.Raw(context, "value")), context.Scope);
        return Task.FromResult(WorkflowNodeOutcome.Next(result ? "true" : "false", new JsonObject { ["result"] = result }));
    }
}
