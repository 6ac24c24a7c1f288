namespace SalesCrm.Core.Gamification;

/// <summary>A member's points in a period with the rules they came from.</summary>
public sealed record UserScore(Guid UserId, string Name, long Points, IReadOnlyList<RuleScore> ByRule);
