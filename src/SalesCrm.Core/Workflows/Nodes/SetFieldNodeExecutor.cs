using System.Text.Json.Nodes;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>set_field</c>: sets a lead field or custom field through <see cref="LeadService"/> (validation, <c>lead.updated</c>, history; actor: the workflow).</summary>
public sealed class SetFieldNodeExecutor(LeadService leads) : IWorkflowNodeExecutor
{
    public string NodeType => "set_field";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("set_field needs a lead; this run has none.");
        var field = NodeSettings.Raw(context, "field")?.GetValue<string>() ?? "";
        var value = NodeSettings.Rendered(context, "value");
        var patch = LeadFieldPatch.Build(field, value, context.Scope.Root["lead"]?["custom_fields"]);
        var lead = await leads.UpdateAsync(leadId, patch, ct);
        return WorkflowNodeOutcome.Next(output: new JsonObject { ["field"] = field, ["value"] = value?.DeepClone(), ["version"] = lead.Version });
    }
}
