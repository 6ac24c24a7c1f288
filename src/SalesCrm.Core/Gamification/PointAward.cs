using SalesCrm.Core.Common;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// Points a member earned for one source under one rule: the ledger scores and missions are summed from. Derived from
/// the event log (<see cref="SourceId"/> is the event's id, or the <c>lead_responses</c> row's for <c>fast_reply</c>) and
/// unique per source and rule, so handling or replaying an event twice earns nothing more.
/// </summary>
public sealed class PointAward : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The rule's key (<see cref="PointRules"/>) or <c>mission.completed</c>.</summary>
    public required string RuleKey { get; set; }
    public Guid SourceId { get; set; }
    public Guid? LeadId { get; set; }
    /// <summary>Points as the rule said when the award was computed (0 is kept: the activity still counts for missions).</summary>
    public int Points { get; set; }
    /// <summary>When the activity happened (UTC): the event's time, or the reply's.</summary>
    public DateTime OccurredAt { get; set; }
}
