namespace SalesCrm.Core.Gamification;

/// <summary>Every member's points in one period (<c>day</c>, <c>week</c> Monday–Sunday, <c>month</c>) of the workspace's zone.</summary>
public sealed record Leaderboard(string Period, DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<LeaderboardEntry> Entries);
