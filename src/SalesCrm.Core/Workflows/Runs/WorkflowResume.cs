using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Why a waiting run resumed at its node: its due time passed (<see cref="TimedOut"/> true, no event), or the event its
/// bookmark waited for arrived (<see cref="EventType"/> and <see cref="Payload"/>, e.g. <c>whatsapp.received</c> with
/// the message).
/// </summary>
/// <param name="TimedOut">True when the wait's <see cref="WorkflowWait.Until"/> (UTC) passed before any matching event.</param>
/// <param name="EventType">The matched event's catalog type; null on a time-out.</param>
/// <param name="EventId">The matched outbox event's id; null on a time-out.</param>
/// <param name="Payload">The matched event's payload (its webhook shape); null on a time-out.</param>
/// <param name="State">The <see cref="WorkflowWait.State"/> the node saved when it started waiting (e.g. how many times a question was asked).</param>
public sealed record WorkflowResume(bool TimedOut, string? EventType, Guid? EventId, JsonNode? Payload, JsonNode? State);
