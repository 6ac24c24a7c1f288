namespace SalesCrm.Core.Analytics;

/// <summary>The group key of <see cref="DurationBuckets.OfAsync"/>'s query: a wait's responder and its bucket's index.</summary>
internal sealed class ResponderBucket
{
    public Guid? ResponderId { get; init; }
    public int Bucket { get; init; }
}
