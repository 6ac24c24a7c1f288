using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>recalculate_score</c>: rescores the run's lead with the CRM's rules (<see cref="LeadScoring"/>) now; output <c>score</c> and <c>previous_score</c>.</summary>
public sealed class RecalculateScoreExecutor(CrmDbContext db, TimeProvider time) : IWorkflowNodeExecutor
{
    public string NodeType => "recalculate_score";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("The run has no lead to score.");
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, ct);
        if (lead is null) return WorkflowNodeOutcome.Fail($"Lead '{leadId}' no longer exists.");
        var previous = lead.Score;
        var now = time.GetUtcNow().UtcDateTime;
        var probability = await db.Stages.Where(s => s.Id == lead.StageId).Select(s => s.Probability).FirstOrDefaultAsync(ct);
        LeadScoring.Apply(lead, probability, now);
        if (lead.Score != previous)
        {
            lead.UpdatedAt = now;
            lead.Version++;
        }
        return WorkflowNodeOutcome.Next(output: new JsonObject { ["score"] = lead.Score, ["previous_score"] = previous });
    }
}
