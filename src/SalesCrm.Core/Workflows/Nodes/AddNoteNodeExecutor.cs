using System.Text.Json.Nodes;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>add_note</c>: a note on the lead's timeline (text rendered with the run's variables), through <see cref="InteractionService"/>;
/// the note carries the step's idempotency key, so a step resumed after a crash does not write it twice.</summary>
public sealed class AddNoteNodeExecutor(InteractionService interactions) : IWorkflowNodeExecutor
{
    public string NodeType => "add_note";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("add_note needs a lead; this run has none.");
        var text = NodeSettings.Text(context, "text");
        if (text is null) return WorkflowNodeOutcome.Fail("text is required.");
        var note = await interactions.CreateAsync(leadId, new InteractionInput(InteractionType.Note, text), workflowStepKey: context.IdempotencyKey, ct: ct);
        return WorkflowNodeOutcome.Next(output: new JsonObject { ["interaction_id"] = note.Id.ToString() });
    }
}
