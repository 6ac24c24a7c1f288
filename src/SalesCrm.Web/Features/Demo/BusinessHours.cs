namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// Office hours in a workspace's time zone, for generated data that should look like people did it at work:
/// Monday to Friday, 09:00 to 18:00 local time.
/// </summary>
public static class BusinessHours
{
    public const int Opens = 9;
    public const int Closes = 18;

    /// <summary>Whether a UTC instant falls on a weekday between <see cref="Opens"/> and <see cref="Closes"/> in <paramref name="zone"/>.</summary>
    public static bool Contains(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToLocal(utc, zone);
        return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour >= Opens && local.TimeOfDay < TimeSpan.FromHours(Closes);
    }

    /// <summary>The greeting a Brazilian would use at this local time: "Bom dia" before noon, "Boa tarde" until 18:00, then "Boa noite".</summary>
    public static string Greeting(DateTime utc, TimeZoneInfo zone) => ToLocal(utc, zone).Hour switch
    {
        < 12 => "Bom dia",
        < 18 => "Boa tarde",
        _ => "Boa noite",
    };

    /// <summary>
    /// A random UTC instant on the given local day between <paramref name="from"/> and <paramref name="to"/> (local times
    /// of day, inside office hours), in whole minutes; weekend days move back to the Friday before.
    /// </summary>
    public static DateTime OnDay(DateTime localDay, TimeSpan from, TimeSpan to, Random random, TimeZoneInfo zone)
    {
        var day = Weekday(localDay.Date);
        var minutes = random.Next((int)from.TotalMinutes, Math.Max((int)from.TotalMinutes + 1, (int)to.TotalMinutes));
        return ToUtc(day.AddMinutes(minutes), zone);
    }

    /// <summary>The weekday on or before <paramref name="localDay"/>.</summary>
    public static DateTime Weekday(DateTime localDay) => localDay.DayOfWeek switch
    {
        DayOfWeek.Saturday => localDay.AddDays(-1),
        DayOfWeek.Sunday => localDay.AddDays(-2),
        _ => localDay,
    };

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall-clock time skipped by a daylight-saving jump does not exist; an hour later does.
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
