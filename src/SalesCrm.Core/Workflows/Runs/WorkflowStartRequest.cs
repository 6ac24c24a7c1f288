using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// A request to start a run of a workflow's published version: what started it (<see cref="TriggerKind"/>: <c>event</c>,
/// <c>schedule</c>, <c>manual</c>, <c>webhook</c>, <c>inbound_message</c>), about which lead, with which input
/// (<c>{{run.input.x}}</c>) and, for an event, the event (<c>{{event.payload.x}}</c>).
/// </summary>
/// <param name="TenantId">The workspace.</param>
/// <param name="WorkflowId">The workflow; it must be active and published.</param>
/// <param name="TriggerKind">One of <see cref="TriggerKinds"/>.</param>
/// <param name="LeadId">The lead the run is about, if any.</param>
/// <param name="Input">The run input (a webhook's JSON body, the manual start's <c>input</c>); null for none.</param>
/// <param name="EventId">The outbox event that matched an event trigger; null otherwise.</param>
/// <param name="EventType">That event's type.</param>
/// <param name="EventPayload">That event's payload.</param>
/// <param name="CorrelationId">The correlation of the cause (the event's, or a new one).</param>
/// <param name="Depth">The loop-guard depth: 0 unless a workflow run caused the cause.</param>
public sealed record WorkflowStartRequest(
    Guid TenantId,
    Guid WorkflowId,
    string TriggerKind,
    Guid? LeadId = null,
    JsonNode? Input = null,
    Guid? EventId = null,
    string? EventType = null,
    JsonNode? EventPayload = null,
    Guid? CorrelationId = null,
    int Depth = 0);
