using System.Text.Json.Nodes;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>move_stage</c>: moves the lead to a stage through <see cref="LeadService"/>; a lead already there is left as it is.</summary>
public sealed class MoveStageNodeExecutor(LeadService leads, LeadQuery query) : IWorkflowNodeExecutor
{
    public string NodeType => "move_stage";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("move_stage needs a lead; this run has none.");
        if (NodeSettings.Id(context, "stage_id") is not { } stageId) return WorkflowNodeOutcome.Fail("stage_id is required.");
        var lead = await query.GetAsync(leadId, ct);
        if (lead.StageId == stageId) return WorkflowNodeOutcome.Next(output: new JsonObject { ["stage_id"] = stageId.ToString(), ["moved"] = false });
        await leads.MoveAsync(leadId, new MoveRequest(stageId), ct);
        return WorkflowNodeOutcome.Next(output: new JsonObject { ["stage_id"] = stageId.ToString(), ["from_stage_id"] = lead.StageId.ToString(), ["moved"] = true });
    }
}
