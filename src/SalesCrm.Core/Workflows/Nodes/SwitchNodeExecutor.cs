using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>switch</c>: the port of the first case equal to the field, else <c>default</c>.</summary>
public sealed class SwitchNodeExecutor : IWorkflowNodeExecutor
{
    public string NodeType => WorkflowNodeCatalog.Switch;

    public Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        var field = NodeSettings.Raw(context, "field")?.GetValue<string>() ?? "";
        var port = SwitchEvaluator.Choose(field, SwitchEvaluator.ReadCases(NodeSettings.Raw(context, "cases")), context.Scope);
        return Task.FromResult(WorkflowNodeOutcome.Next(port, new JsonObject { ["port"] = port }));
    }
}
