namespace SalesCrm.Core.Gamification;

/// <summary>One member on the leaderboard: rank (members with equal points share it), points, and whether it is the caller.</summary>
public sealed record LeaderboardEntry(int Rank, Guid UserId, string Name, long Points, bool IsMe);
