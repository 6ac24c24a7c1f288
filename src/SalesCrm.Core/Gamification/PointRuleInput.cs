namespace SalesCrm.Core.Gamification;

/// <summary>A manager's change to one rule: <c>key</c> from the default table; points 0–1000; threshold 1–1440 minutes (fast_reply only).</summary>
public sealed record PointRuleInput(string? Key, int? Points, bool? Enabled, int? ThresholdMinutes);
