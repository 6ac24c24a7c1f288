namespace SalesCrm.Core.Gamification;

/// <summary>Scores from <c>from</c> to <c>to</c> (local days, both included, in <c>time_zone</c>), highest first.</summary>
public sealed record ScoresReport(DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<UserScore> Users);
