namespace SalesCrm.Core.Gamification;

/// <summary>One member's progress on a mission in its current period.</summary>
public sealed record RepProgress(Guid UserId, string Name, int Progress, int Target, bool Completed);
