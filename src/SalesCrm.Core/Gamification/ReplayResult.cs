namespace SalesCrm.Core.Gamification;

/// <summary>What a replay did: events read, awards written, total points of the workspace after it.</summary>
public sealed record ReplayResult(int Events, int Awards, long Points);
