using System.Text.Json.Nodes;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>assign</c>: gives the lead to <c>user_id</c>, or with <c>mode: round_robin</c> to the sales rep assigned longest ago
/// (<see cref="RoundRobinAssigner"/>, the rotation lead capture uses), through <see cref="LeadService"/>.
/// </summary>
public sealed class AssignNodeExecutor(LeadService leads, LeadQuery query, CrmDbContext db, TimeProvider time) : IWorkflowNodeExecutor
{
    public string NodeType => "assign";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("assign needs a lead; this run has none.");
        var owner = NodeSettings.Id(context, "user_id");
        if (NodeSettings.Text(context, "mode") == "round_robin")
            owner = await RoundRobinAssigner.NextAsync(db, SystemRoles.SalesRep, time.GetUtcNow().UtcDateTime, ct) ?? owner;
        if (owner is null) return WorkflowNodeOutcome.Fail("No member to assign: set user_id (or add sales reps for round robin).");
        var lead = await query.GetAsync(leadId, ct);
        if (lead.OwnerId == owner) return WorkflowNodeOutcome.Next(output: new JsonObject { ["owner_id"] = owner.ToString(), ["changed"] = false });
        await leads.AssignAsync(leadId, owner, ct: ct);
        return WorkflowNodeOutcome.Next(output: new JsonObject { ["owner_id"] = owner.ToString(), ["previous_owner_id"] = lead.OwnerId?.ToString(), ["changed"] = true });
    }
}
