namespace SalesCrm.Core.Gamification;

/// <summary>A mission as managers see it.</summary>
public sealed record MissionDto(Guid Id, string Title, string RuleKey, int Target, MissionPeriod Period, int Points, bool IsActive);
