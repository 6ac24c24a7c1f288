using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>One row of the points table as a manager edits it (points, on/off, and for <c>fast_reply</c> the threshold in minutes).</summary>
public sealed class PointRuleDraft
{
    public required string Key { get; init; }
    public int? Points { get; set; }
    public bool Enabled { get; set; }
    public int? ThresholdMinutes { get; set; }

    public static PointRuleDraft From(PointRuleDto rule) => new() { Key = rule.Key, Points = rule.Points, Enabled = rule.Enabled, ThresholdMinutes = rule.ThresholdMinutes };

    /// <summary>The change to send: every field, so the stored table is what the manager sees.</summary>
    public PointRuleInput ToInput() => new(Key, Points, Enabled, Key == PointRules.FastReply ? ThresholdMinutes : null);
}
