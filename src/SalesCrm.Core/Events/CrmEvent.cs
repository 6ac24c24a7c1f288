using SalesCrm.Core.Common;

namespace SalesCrm.Core.Events;

/// <summary>
/// A persisted domain event, written in the same transaction as the change it describes (outbox). Dispatched to
/// subscribers after commit; <see cref="DispatchedAt"/> marks it handed over.
/// </summary>
public sealed class CrmEvent : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Type { get; set; }
    public string Payload { get; set; } = "{}";
    public DateTime OccurredAt { get; set; }
    public ActorType ActorType { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }
    public string? CorrelationId { get; set; }
    public Guid? LeadId { get; set; }
    public DateTime? DispatchedAt { get; set; }
}

public static class EventTypes
{
    public const string LeadCreated = "lead.created";
    public const string LeadUpdated = "lead.updated";
    public const string LeadStageChanged = "lead.stage_changed";
    public const string LeadAssigned = "lead.assigned";
    public const string LeadMerged = "lead.merged";
    public const string LeadDeleted = "lead.deleted";
    public const string DealWon = "deal.won";
    public const string DealLost = "deal.lost";
    public const string InteractionCreated = "interaction.created";
    public const string CallCompleted = "call.completed";
    public const string MeetingCompleted = "meeting.completed";
    public const string VisitCompleted = "visit.completed";
    public const string WhatsAppSent = "whatsapp.sent";
    public const string WhatsAppReceived = "whatsapp.received";
    public const string ProposalSent = "proposal.sent";
    /// <summary>A member answered a knowledge-base quiz (gamification).</summary>
    public const string QuizCompleted = "quiz.completed";
    /// <summary>A member reached a mission's target in one period; emitted once per member, mission and period.</summary>
    public const string MissionCompleted = "mission.completed";
    /// <summary>A member checked in at a lead's place (geo-tagged visit).</summary>
    public const string CheckInCreated = "checkin.created";
    /// <summary>An insight of priority critical was found (ADR 029): for outbound webhooks and workflows.</summary>
    public const string InsightCritical = "insight.critical";

    /// <summary>
    /// A notice on the in-process bus, neither persisted nor sent to webhooks: a pipeline or its stages changed (payload
    /// <c>pipeline_id</c>), so open boards read their columns again.
    /// </summary>
    public const string PipelineChanged = "pipeline.changed";

    /// <summary>
    /// A notice on the in-process bus, neither persisted nor sent to webhooks: an insight was found (payload
    /// <c>insight_id</c>, <c>priority</c>, <c>subject_user_id</c>), so open pages and the insights hub show it.
    /// </summary>
    public const string InsightGenerated = "insight.generated";
}
