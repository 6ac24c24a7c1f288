using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace SalesCrm.Core.Analytics;

/// <summary>Answered waits by how long they took (up to 5 min, 15 min, 1 h, 4 h, 24 h, longer), counted in one query, and their mean and median.</summary>
public static class DurationBuckets
{
    private static readonly int[] BoundsMinutes = [5, 15, 60, 240, 1440];

    /// <summary>The group of the waits not answered (no <see cref="LeadResponse.Seconds"/>) in <see cref="OfAsync"/>'s query.</summary>
    private const int Unanswered = -1;

    /// <summary>
    /// Count, mean and median (minutes) and distribution of the answered waits among <paramref name="waits"/>, how many waits
    /// there are in all (<c>Waits</c>, answered or not), and per responder (<see cref="LeadResponse.ResponderId"/> set) how many
    /// waits they closed and their seconds in all (<c>ByResponder</c>). One scan grouped by (responder, bucket) gives all but
    /// the median, which the database finds inside the bucket that holds it (ADR 044).
    /// </summary>
    /// <param name="byResponder">
    /// Whether to group by responder too: only where the index read holds the responder (the answered inbound waits'); without
    /// it <c>ByResponder</c> is empty.
    /// </param>
    public static async Task<DurationFigures> OfAsync(IQueryable<LeadResponse> waits, bool byResponder, CancellationToken ct)
    {
        var starts = Starts();
        var groups = byResponder
            ? await waits.GroupBy(KeyOf(starts))
                .Select(g => new Group(g.Key.ResponderId, g.Key.Bucket, g.Count(), g.Sum(r => r.Seconds))).ToListAsync(ct)
            : await waits.GroupBy(BucketOf(starts))
                .Select(g => new Group(null, g.Key, g.Count(), g.Sum(r => r.Seconds))).ToListAsync(ct);
        var counts = groups.Where(g => g.Bucket != Unanswered).GroupBy(g => g.Bucket)
            .ToDictionary(b => b.Key, b => (Count: b.Sum(g => g.Count), Sum: b.Sum(g => g.Sum ?? 0)));
        var total = counts.Values.Sum(c => c.Count);
        double? median = null;
        if (total > 0)
        {
            // The median is the (total / 2)-th smallest (0-based): find its bucket, then its rank there, from the nearer end.
            var (bucket, before) = (0, 0);
            while (before + counts.GetValueOrDefault(bucket).Count <= total / 2) before += counts.GetValueOrDefault(bucket++).Count;
            var rank = total / 2 - before;
            var size = counts[bucket].Count;
            var inBucket = Within(waits, bucket)!.Select(r => r.Seconds!.Value);
            var value = rank <= size - 1 - rank
                ? await inBucket.OrderBy(s => s).Skip(rank).FirstAsync(ct)
                : await inBucket.OrderByDescending(s => s).Skip(size - 1 - rank).FirstAsync(ct);
            median = Math.Round(value / 60.0, 1);
        }
        var distribution = starts.Select((_, i) => new DurationBucket(i < BoundsMinutes.Length ? $"<={BoundsMinutes[i]}m" : $">{BoundsMinutes[^1]}m",
            i < BoundsMinutes.Length ? BoundsMinutes[i] : null, counts.TryGetValue(i, out var c) ? c.Count : 0)).ToList();
        var responders = groups.Where(g => g.ResponderId is not null).GroupBy(g => g.ResponderId!.Value)
            .Select(r => new ResponderFigures(r.Key, r.Sum(g => g.Count), r.Sum(g => g.Sum ?? 0)))
            // In the order SQLite's GROUP BY of the responder gave them (its text), whatever the provider's grouping order.
            .OrderBy(r => r.ResponderId.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).ToList();
        return new DurationFigures(total, total == 0 ? null : Math.Round(counts.Values.Sum(c => (double)c.Sum) / total / 60, 1), median, distribution,
            groups.Sum(g => g.Count), responders);
    }

    private sealed record Group(Guid? ResponderId, int Bucket, int Count, long? Sum);

    /// <summary>A wait's bucket's index (<see cref="Unanswered"/> without seconds).</summary>
    private static Expression<Func<LeadResponse, int>> BucketOf(IReadOnlyList<long?> starts)
    {
        var index = ReportPeriod.BucketIndex<LeadResponse, long?>(r => r.Seconds, starts);
        var seconds = Expression.Property(index.Parameters[0], nameof(LeadResponse.Seconds));
        return Expression.Lambda<Func<LeadResponse, int>>(
            Expression.Condition(Expression.Equal(seconds, Expression.Constant(null, typeof(long?))), Expression.Constant(Unanswered), index.Body), index.Parameters);
    }

    /// <summary>A wait's group: its responder and <see cref="BucketOf"/>.</summary>
    private static Expression<Func<LeadResponse, ResponderBucket>> KeyOf(IReadOnlyList<long?> starts)
    {
        var bucketOf = BucketOf(starts);
        var r = bucketOf.Parameters[0];
        var bucket = bucketOf.Body;
        return Expression.Lambda<Func<LeadResponse, ResponderBucket>>(Expression.MemberInit(Expression.New(typeof(ResponderBucket)),
            Expression.Bind(typeof(ResponderBucket).GetProperty(nameof(ResponderBucket.ResponderId))!, Expression.Property(r, nameof(LeadResponse.ResponderId))),
            Expression.Bind(typeof(ResponderBucket).GetProperty(nameof(ResponderBucket.Bucket))!, bucket)), r);
    }

    private static List<long?> Starts() => new long?[] { long.MinValue }.Concat(BoundsMinutes.Select(m => (long?)m * 60 + 1)).ToList();

    /// <summary>The bucket names, shortest first, as <see cref="DurationBucket.Bucket"/> writes them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. BoundsMinutes.Select(m => $"<={m}m"), $">{BoundsMinutes[^1]}m"];

    /// <summary>The answered waits among <paramref name="waits"/> in bucket <paramref name="bucket"/> (one of <see cref="Names"/>); null for an unknown name.</summary>
    public static IQueryable<LeadResponse>? Within(IQueryable<LeadResponse> waits, string? bucket) =>
        Within(waits, bucket is null ? -1 : Names.ToList().IndexOf(bucket));

    private static IQueryable<LeadResponse>? Within(IQueryable<LeadResponse> waits, int i)
    {
        if (i < 0) return null;
        long? over = i == 0 ? null : BoundsMinutes[i - 1] * 60L;
        long? upTo = i < BoundsMinutes.Length ? BoundsMinutes[i] * 60L : null;
        var answered = waits.Where(r => r.Seconds != null);
        if (over is { } o) answered = answered.Where(r => r.Seconds > o);
        if (upTo is { } u) answered = answered.Where(r => r.Seconds <= u);
        return answered;
    }
}
