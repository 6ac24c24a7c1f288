namespace SalesCrm.Core.Gamification;

/// <summary>A member's progress on a mission in its current period: <c>progress</c> of <c>target</c> activities.</summary>
public sealed record MissionProgress(Guid MissionId, string Title, string RuleKey, MissionPeriod Period, int Target, int Progress, int Points, bool Completed);
