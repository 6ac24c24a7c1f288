using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// What a waiting run waits for (Elsa's bookmark): a time (<see cref="Until"/>, UTC), an event (<see cref="EventType"/>
/// about <see cref="LeadId"/>), or both — whichever comes first resumes the run at the same node with a
/// <see cref="WorkflowResume"/>. The engine stores it on the run and claims due or matched runs safely across instances.
/// </summary>
/// <param name="Until">When the wait ends (UTC); null waits for the event only.</param>
/// <param name="EventType">The catalog event type that resumes the run (e.g. <c>whatsapp.received</c>); null waits for the time only.</param>
/// <param name="LeadId">The lead the event must be about; null matches the event for any lead.</param>
/// <param name="Description">What the run waits for, for people (runs list: "resposta do lead até 05/12 09:00").</param>
/// <param name="State">Small JSON the node wants back when it resumes (e.g. the number of times a question was asked).</param>
public sealed record WorkflowWait(DateTime? Until, string? EventType, Guid? LeadId, string Description, JsonNode? State = null);
