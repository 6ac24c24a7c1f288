using SalesCrm.Core.Common;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// Sends a workflow step's WhatsApp message through the inbox's sending service (<see cref="OutboundMessageService.SendAsBotAsync"/>):
/// the 24-hour window rule, template variables, the thread and the timeline are that service's; this turns its answer
/// and its refusals into a <see cref="BotSendResult"/> a node can return.
/// </summary>
public sealed class BotSender(OutboundMessageService outbound)
{
    public async Task<BotSendResult> SendAsync(Guid leadId, BotMessage message, CancellationToken ct)
    {
        try
        {
            var sent = await outbound.SendAsBotAsync(leadId, message, ct);
            if (sent.Status != "failed") return new(sent, null, false);
            return new(sent, sent.Error ?? "WhatsApp refused the message.", SendFailure.KindOf(sent.Error) == SendFailure.Unreachable);
        }
        catch (ConflictException e)
        {
            // Outside the 24-hour window without a template: no retry changes that.
            return new(null, e.Message, false);
        }
        catch (ValidationException e)
        {
            return new(null, e.Message + " " + string.Join(" ", e.Errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key} {m}"))), false);
        }
    }
}
