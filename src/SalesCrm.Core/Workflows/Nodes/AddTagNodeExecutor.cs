using System.Text.Json.Nodes;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>add_tag</c>: adds a tag to the lead through <see cref="LeadService"/>; a tag it already has is left as it is (so a repeat changes nothing).</summary>
public sealed class AddTagNodeExecutor(LeadService leads, LeadQuery query) : IWorkflowNodeExecutor
{
    public string NodeType => "add_tag";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("add_tag needs a lead; this run has none.");
        var tag = NodeSettings.Text(context, "tag");
        if (tag is null) return WorkflowNodeOutcome.Fail("tag is required.");
        var lead = await query.GetAsync(leadId, ct);
        if (lead.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            return WorkflowNodeOutcome.Next(output: new JsonObject { ["tag"] = tag, ["added"] = false });
        await leads.UpdateAsync(leadId, new LeadPatch { Tags = [.. lead.Tags, tag] }, ct);
        return WorkflowNodeOutcome.Next(output: new JsonObject { ["tag"] = tag, ["added"] = true });
    }
}
