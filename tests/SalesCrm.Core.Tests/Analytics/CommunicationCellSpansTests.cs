using SalesCrm.Core.Analytics;

namespace SalesCrm.Core.Tests.Analytics;

/// <summary>
/// The UTC spans a busiest-hours cell's drill-down filters by (<see cref="CommunicationAnalytics.CellSpans"/>): each must hold
/// exactly the instants the heatmap places in that weekday and hour of the workspace's clock.
/// </summary>
public class CommunicationCellSpansTests
{
    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static ReportPeriod Period(string zone, int fromMonth, int fromDay, int toMonth, int toDay) =>
        new(new DateOnly(2026, fromMonth, fromDay), new DateOnly(2026, toMonth, toDay), TimeZoneInfo.FindSystemTimeZoneById(zone));

    [Fact]
    public void Monday_at_ten_in_Sao_Paulo_is_one_hour_three_hours_later_in_UTC_each_Monday_of_the_period()
    {
        var spans = CommunicationAnalytics.CellSpans(Period("America/Sao_Paulo", 10, 1, 10, 31), 1, 10);
        Assert.Equal([(Utc(10, 5, 13), Utc(10, 5, 14)), (Utc(10, 12, 13), Utc(10, 12, 14)), (Utc(10, 19, 13), Utc(10, 19, 14)), (Utc(10, 26, 13), Utc(10, 26, 14))], spans);
    }

    [Fact]
    public void Late_evening_in_a_zone_behind_UTC_falls_on_the_next_UTC_day()
    {
        // Tuesday 23h in São Paulo is Wednesday 02h UTC; the period's last Tuesday (27 October) still belongs to it.
        var spans = CommunicationAnalytics.CellSpans(Period("America/Sao_Paulo", 10, 1, 10, 31), 2, 23);
        Assert.Equal(4, spans.Count);
        Assert.Equal((Utc(10, 7, 2), Utc(10, 7, 3)), spans[0]);
        Assert.Equal((Utc(10, 28, 2), Utc(10, 28, 3)), spans[^1]);
    }

    [Fact]
    public void The_hour_repeated_when_daylight_saving_ends_covers_both_of_its_passes()
    {
        // New York, Sunday 1 November 2026: 01:00–02:00 happens at 05:00Z (EDT) and again at 06:00Z (EST).
        var spans = CommunicationAnalytics.CellSpans(Period("America/New_York", 10, 25, 11, 7), 0, 1);
        Assert.Equal([(Utc(10, 25, 5), Utc(10, 25, 6)), (Utc(11, 1, 5), Utc(11, 1, 7))], spans);
    }

    [Fact]
    public void The_hour_skipped_when_daylight_saving_starts_has_no_span_and_the_clock_moves_an_hour_earlier_in_UTC()
    {
        // New York, Sunday 8 March 2026: the clock jumps from 02:00 to 03:00 (07:00Z); 11h is 16:00Z before and 15:00Z after.
        var period = Period("America/New_York", 3, 1, 3, 14);
        Assert.Equal([(Utc(3, 1, 7), Utc(3, 1, 8))], CommunicationAnalytics.CellSpans(period, 0, 2));
        Assert.Equal([(Utc(3, 2, 16), Utc(3, 2, 17)), (Utc(3, 9, 15), Utc(3, 9, 16))], CommunicationAnalytics.CellSpans(period, 1, 11));
    }

    [Fact]
    public void A_zone_half_an_hour_off_UTC_gets_spans_starting_on_the_half_hour()
    {
        // Kolkata is UTC+5:30: Friday 9h is Friday 03:30Z.
        var spans = CommunicationAnalytics.CellSpans(Period("Asia/Kolkata", 10, 1, 10, 10), 5, 9);
        Assert.Equal([(Utc(10, 2, 3, 30), Utc(10, 2, 4, 30)), (Utc(10, 9, 3, 30), Utc(10, 9, 4, 30))], spans);
    }

    [Fact]
    public void A_weekday_the_period_does_not_reach_has_no_span()
    {
        // 5–7 October 2026 is Monday to Wednesday.
        Assert.Empty(CommunicationAnalytics.CellSpans(Period("America/Sao_Paulo", 10, 5, 10, 7), 6, 12));
    }

    [Fact]
    public void Every_instant_of_a_three_year_period_lands_in_exactly_one_cell_and_the_spans_agree_with_the_zones_clock()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        var period = new ReportPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1).AddDays(ReportPeriod.MaxDays - 1), zone);
        var cells = Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, 24).Select(h => (d, h)))
            .ToDictionary(c => c, c => CommunicationAnalytics.CellSpans(period, c.d, c.h));
        Assert.Equal((period.EndUtc - period.StartUtc).TotalHours, cells.Values.Sum(s => s.Sum(x => (x.EndUtc - x.StartUtc).TotalHours)));
        foreach (var ((day, hour), spans) in cells)
            foreach (var (start, end) in spans)
                foreach (var at in new[] { start, end.AddTicks(-1) })
                {
                    var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
                    Assert.Equal((day, hour), ((int)local.DayOfWeek, local.Hour));
                }
    }
}
