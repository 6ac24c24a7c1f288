namespace SalesCrm.Core.Analytics;

/// <summary>What the funnel query keeps of a lead's steps in the period: the highest stage order entered and the stages entered (bit mask).</summary>
internal sealed class FunnelPath
{
    public int? Highest { get; init; }
    public long Mask { get; init; }
}
