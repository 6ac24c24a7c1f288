namespace SalesCrm.Core.Gamification;

/// <summary>One effective scoring rule: <c>key</c> (event type or <c>fast_reply</c>), points per occurrence, whether it counts, and the fast-reply threshold in minutes.</summary>
public sealed record PointRuleDto(string Key, int Points, bool Enabled, int? ThresholdMinutes);
