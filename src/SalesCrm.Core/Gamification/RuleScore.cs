namespace SalesCrm.Core.Gamification;

/// <summary>Points one member earned under one rule in a period, and how many activities earned them.</summary>
public sealed record RuleScore(string Rule, int Count, long Points);
