using SalesCrm.Core.Common;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// A workspace's override of one scoring rule (<see cref="PointRules.Defaults"/> name the keys): how many points the
/// event earns, whether it counts at all, and for <c>fast_reply</c> the reply time that counts as fast. A workspace
/// without a row for a key uses the default.
/// </summary>
public sealed class PointRule : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    /// <summary>An event type (<c>call.completed</c>, <c>deal.won</c>…) or <c>fast_reply</c>.</summary>
    public required string Key { get; set; }
    public int Points { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>For <c>fast_reply</c>: a reply within this many minutes of the customer's message is fast.</summary>
    public int? ThresholdMinutes { get; set; }
    public DateTime UpdatedAt { get; set; }
}
