namespace SalesCrm.Core.Gamification;

/// <summary>The caller's card on the home page: points this week, rank among <c>members</c> (null without points), missions of the current periods.</summary>
public sealed record ScoreCard(long PointsThisWeek, int? Rank, int Members, IReadOnlyList<MissionProgress> Missions);
