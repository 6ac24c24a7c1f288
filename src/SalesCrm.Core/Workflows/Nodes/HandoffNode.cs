using System.Text.Json.Nodes;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>handoff</c>: assigns the lead by <c>rule</c> (<c>user</c> with <c>user_id</c>, <c>owner</c>, or <c>round_robin</c>
/// among members of <c>role</c>, default sales reps), gives the assignee a task due now unless <c>notify_owner</c> is false,
/// stops the bot for the conversation (<see cref="BotHandoff"/>) and sends <c>message</c> to the lead when set
/// ("Vou te passar para um consultor"). Output: <c>assigned_to</c> (null when nobody could be assigned).
/// </summary>
public sealed class HandoffNode(BotHandoff handoff, BotSender sender) : IWorkflowNodeExecutor
{
    public string NodeType => WorkflowNodeCatalog.Handoff;

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("handoff needs a run about a lead.");
        var s = context.Settings;
        var assigned = await handoff.HandOffAsync(new HandoffRequest(leadId, context.RunId, BotSettings.String(s, "rule") ?? "owner", BotSettings.Uuid(s, "user_id"),
            BotSettings.String(s, "role"), "node", BotSettings.Bool(s, "notify_owner") ?? true), ct);
        var output = new JsonObject { ["assigned_to"] = assigned?.ToString(), ["handed_off"] = true };
        if (BotSettings.Render(s, "message", context.Scope) is { } text)
        {
            var sent = await sender.SendAsync(leadId, new BotMessage(context.RunId, context.IdempotencyKey + ":message", text), ct);
            output["message"] = sent.Output();
        }
        return WorkflowNodeOutcome.Next(WorkflowNodeCatalog.Next, output);
    }
}
