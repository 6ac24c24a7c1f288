namespace SalesCrm.Core.Analytics;

/// <summary>
/// What <see cref="DurationBuckets.OfAsync"/> reads from a set of waits: the answered ones' count, mean and median (minutes)
/// and distribution, every wait of the set (<paramref name="Waits"/>), and per responder the waits they closed.
/// </summary>
public sealed record DurationFigures(int Answered, double? AvgMinutes, double? MedianMinutes, IReadOnlyList<DurationBucket> Distribution, int Waits,
    IReadOnlyList<ResponderFigures> ByResponder);
