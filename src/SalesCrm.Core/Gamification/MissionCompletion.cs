using SalesCrm.Core.Common;

namespace SalesCrm.Core.Gamification;

/// <summary>A member completed a mission in one period (first local day of it); unique, so <c>mission.completed</c> is emitted once.</summary>
public sealed class MissionCompletion : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid MissionId { get; set; }
    public Guid UserId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateTime CompletedAt { get; set; }
    public Guid EventId { get; set; }
}
