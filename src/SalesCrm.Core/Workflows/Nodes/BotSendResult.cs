using System.Text.Json.Nodes;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// What a bot send came to: the message (sent, or queued when the workspace has no number connected), or why not —
/// <see cref="Retryable"/> when WhatsApp could not be reached, so the engine tries the step again (same key: no double send).
/// </summary>
public sealed record BotSendResult(MessageDto? Message, string? Error, bool Retryable)
{
    public bool Ok => Error is null;

    /// <summary>The step output part describing the message: <c>message_id</c>, <c>status</c>, <c>kind</c> (text, template, interactive).</summary>
    public JsonObject Output() => Message is null
        ? new JsonObject { ["error"] = Error }
        : new JsonObject { ["message_id"] = Message.Id.ToString(), ["status"] = Message.Status, ["kind"] = Data.SnakeEnum.ToText(Message.Type) };
}
