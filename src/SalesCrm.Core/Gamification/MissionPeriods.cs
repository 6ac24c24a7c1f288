using SalesCrm.Core.Analytics;

namespace SalesCrm.Core.Gamification;

/// <summary>Periods of missions and leaderboards in a workspace's zone.</summary>
public static class MissionPeriods
{
    /// <summary>The period of <paramref name="grain"/> holding the UTC instant <paramref name="at"/>: its first local day and its bounds in UTC (end excluded).</summary>
    public static (DateOnly Start, DateTime StartUtc, DateTime EndUtc) Of(MissionPeriod grain, DateTime at, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone));
        var (start, end) = Bounds(grain, day);
        var period = new ReportPeriod(start, end, zone);
        return (start, period.StartUtc, period.EndUtc);
    }

    /// <summary>First and last local day of the period of <paramref name="grain"/> holding <paramref name="day"/> (weeks run Monday to Sunday).</summary>
    public static (DateOnly First, DateOnly Last) Bounds(MissionPeriod grain, DateOnly day) => grain switch
    {
        MissionPeriod.Week => (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(-(((int)day.DayOfWeek + 6) % 7) + 6)),
        MissionPeriod.Month => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
        _ => (day, day),
    };
}
