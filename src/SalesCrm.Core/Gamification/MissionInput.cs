namespace SalesCrm.Core.Gamification;

/// <summary>A mission to create or change: title, the rule key counted, target 1–1000, period (day, week, month), reward 0–10000 points, active.</summary>
public sealed record MissionInput(string? Title, string? RuleKey, int? Target, string? Period, int? Points, bool? IsActive);
