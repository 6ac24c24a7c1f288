using SalesCrm.Core.Messaging;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>send_whatsapp</c>: the <c>text</c> (rendered, <c>{{lead.name}}</c>…) while WhatsApp's 24-hour customer service window
/// is open, else the approved template <c>template_id</c> with its <c>variables</c> (rendered). The message lands in the
/// lead's thread marked as the bot's; the step's idempotency key makes a retried step find it instead of sending again.
/// Output: <c>message_id</c>, <c>status</c>, <c>kind</c>.
/// </summary>
public sealed class SendWhatsAppNode(BotSender sender) : IWorkflowNodeExecutor
{
    public string NodeType => WorkflowNodeCatalog.SendWhatsApp;

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("send_whatsapp needs a run about a lead.");
        var text = BotSettings.Render(context.Settings, "text", context.Scope);
        var templateId = BotSettings.Uuid(context.Settings, "template_id");
        if (text is null && templateId is null) return WorkflowNodeOutcome.Fail("send_whatsapp has neither a text (it rendered empty) nor a template_id.");
        var variables = BotSettings.Variables(context.Settings, context.Scope);
        var sent = await sender.SendAsync(leadId, new BotMessage(context.RunId, context.IdempotencyKey, text, templateId, variables), ct);
        return sent.Ok ? WorkflowNodeOutcome.Next(WorkflowNodeCatalog.Next, sent.Output()) : WorkflowNodeOutcome.Fail(sent.Error!, sent.Retryable, sent.Output());
    }
}
