using Microsoft.EntityFrameworkCore;

namespace SalesCrm.Core.Analytics;

/// <summary>Answered waits by how long they took (up to 5 min, 15 min, 1 h, 4 h, 24 h, longer), counted in one query, and their mean and median.</summary>
public static class DurationBuckets
{
    private static readonly int[] BoundsMinutes = [5, 15, 60, 240, 1440];

    /// <summary>Count, mean and median (minutes) and distribution of the answered waits among <paramref name="waits"/>.</summary>
    public static async Task<(int Answered, double? AvgMinutes, double? MedianMinutes, IReadOnlyList<DurationBucket> Distribution)> OfAsync(
        IQueryable<LeadResponse> waits, CancellationToken ct)
    {
        var answered = waits.Where(r => r.Seconds != null);
        var starts = new long?[] { long.MinValue }.Concat(BoundsMinutes.Select(m => (long?)m * 60 + 1)).ToList();
        var counts = await answered.GroupBy(ReportPeriod.BucketIndex<LeadResponse, long?>(r => r.Seconds, starts))
            .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(r => r.Seconds!.Value) }).ToDictionaryAsync(g => g.Key, ct);
        var total = counts.Values.Sum(c => c.Count);
        double? median = null;
        if (total > 0) median = Math.Round(await answered.OrderBy(r => r.Seconds).Skip(total / 2).Select(r => r.Seconds!.Value).FirstAsync(ct) / 60.0, 1);
        var distribution = starts.Select((_, i) => new DurationBucket(i < BoundsMinutes.Length ? $"<={BoundsMinutes[i]}m" : $">{BoundsMinutes[^1]}m",
            i < BoundsMinutes.Length ? BoundsMinutes[i] : null, counts.TryGetValue(i, out var c) ? c.Count : 0)).ToList();
        return (total, total == 0 ? null : Math.Round(counts.Values.Sum(c => (double)c.Sum) / total / 60, 1), median, distribution);
    }

    /// <summary>The bucket names, shortest first, as <see cref="DurationBucket.Bucket"/> writes them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. BoundsMinutes.Select(m => $"<={m}m"), $">{BoundsMinutes[^1]}m"];

    /// <summary>The answered waits among <paramref name="waits"/> in bucket <paramref name="bucket"/> (one of <see cref="Names"/>); null for an unknown name.</summary>
    public static IQueryable<LeadResponse>? Within(IQueryable<LeadResponse> waits, string? bucket)
    {
        var i = bucket is null ? -1 : Names.ToList().IndexOf(bucket);
        if (i < 0) return null;
        long? over = i == 0 ? null : BoundsMinutes[i - 1] * 60L;
        long? upTo = i < BoundsMinutes.Length ? BoundsMinutes[i] * 60L : null;
        var answered = waits.Where(r => r.Seconds != null);
        if (over is { } o) answered = answered.Where(r => r.Seconds > o);
        if (upTo is { } u) answered = answered.Where(r => r.Seconds <= u);
        return answered;
    }
}
