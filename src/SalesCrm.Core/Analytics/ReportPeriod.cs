using System.Globalization;
using System.Linq.Expressions;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// A report's days (<see cref="From"/> to <see cref="To"/>, both included) in a workspace's zone, as UTC instants, and its
/// buckets (days, weeks, months) as UTC starts: a bucket begins at local midnight, so a lead created at 23:30 in São Paulo
/// (02:30 UTC the next day) counts on the local day.
/// </summary>
public sealed class ReportPeriod
{
    /// <summary>The longest period a report covers, in days (about three years).</summary>
    public const int MaxDays = 1100;

    public DateOnly From { get; }
    public DateOnly To { get; }
    public TimeZoneInfo Zone { get; }
    /// <summary>Local midnight starting <see cref="From"/>, in UTC.</summary>
    public DateTime StartUtc { get; }
    /// <summary>Local midnight after <see cref="To"/>, in UTC (excluded).</summary>
    public DateTime EndUtc { get; }

    public ReportPeriod(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        (From, To, Zone) = (from, to, zone);
        StartUtc = UtcStartOf(from);
        EndUtc = UtcStartOf(to.AddDays(1));
    }

    /// <summary>
    /// The period a request asks for: both days given, or the 30 days up to <paramref name="today"/>, or 30 days from/to the one
    /// given. A <see cref="Common.ValidationException"/> on <c>to</c> when it comes before <c>from</c> or the span is past <see cref="MaxDays"/>.
    /// </summary>
    public static ReportPeriod For(DateOnly? from, DateOnly? to, DateOnly today, TimeZoneInfo zone)
    {
        var end = to ?? (from is { } f ? f.AddDays(29) : today);
        var start = from ?? end.AddDays(-29);
        new Common.Validator()
            .When(end < start, "to", "must not be before from.")
            .When(end.DayNumber - start.DayNumber >= MaxDays, "to", $"a period covers at most {MaxDays} days.")
            .ThrowIfInvalid();
        return new ReportPeriod(start, end, zone);
    }

    /// <summary>Local midnight of <paramref name="day"/> as UTC (the first valid local time when midnight is skipped by a DST change).</summary>
    public DateTime UtcStartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The local day of a UTC instant.</summary>
    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The buckets of the period by <paramref name="grain"/>: label (<c>2026-10-01</c>, <c>2026-W40</c>, <c>2026-10</c>) and first day; the first and last may be partial.</summary>
    public IReadOnlyList<(string Label, DateOnly Start)> Buckets(PeriodGrain grain)
    {
        var buckets = new List<(string, DateOnly)>();
        for (var day = BucketStart(From, grain); day <= To; day = Next(day, grain))
            buckets.Add((Label(day, grain), day < From ? From : day));
        return buckets;
    }

    /// <summary>
    /// The index in <paramref name="starts"/> (ascending) of the bucket <paramref name="at"/> falls in, as an expression the
    /// database evaluates: a balanced tree of comparisons (depth log₂ n), the same SQL on every provider.
    /// </summary>
    public static Expression<Func<T, int>> BucketIndex<T, TValue>(Expression<Func<T, TValue>> at, IReadOnlyList<TValue> starts)
    {
        Expression Node(int low, int high)
        {
            if (low >= high) return Expression.Constant(low);
            var mid = (low + high + 1) / 2;
            var bound = Expression.Convert(Expression.Constant(starts[mid]), at.Body.Type);
            return Expression.Condition(Expression.LessThan(at.Body, bound), Node(low, mid - 1), Node(mid, high));
        }
        return Expression.Lambda<Func<T, int>>(Node(0, starts.Count - 1), at.Parameters);
    }

    public static DateOnly BucketStart(DateOnly day, PeriodGrain grain) => grain switch
    {
        PeriodGrain.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        PeriodGrain.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static DateOnly Next(DateOnly start, PeriodGrain grain) => grain switch
    {
        PeriodGrain.Week => start.AddDays(7),
        PeriodGrain.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    public static string Label(DateOnly start, PeriodGrain grain) => grain switch
    {
        PeriodGrain.Week => $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):D2}",
        PeriodGrain.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
