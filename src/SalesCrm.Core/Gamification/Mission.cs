using SalesCrm.Core.Common;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// "5 visitas esta semana": every member who earns <see cref="Target"/> awards of <see cref="RuleKey"/> within one
/// <see cref="Period"/> completes it once for that period (<see cref="MissionCompletion"/>, a <c>mission.completed</c> event)
/// and earns <see cref="Points"/>.
/// </summary>
public sealed class Mission : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Title { get; set; }
    /// <summary>The activity counted: a key of <see cref="PointRules.Defaults"/>.</summary>
    public required string RuleKey { get; set; }
    public int Target { get; set; }
    public MissionPeriod Period { get; set; }
    /// <summary>Points earned on completion.</summary>
    public int Points { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
