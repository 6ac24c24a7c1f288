using SalesCrm.Core.Gamification;

namespace SalesCrm.Core.Tests.Gamification;

public class MissionPeriodsTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    [Fact]
    public void A_Sunday_night_in_Sao_Paulo_belongs_to_the_week_that_ends_that_Sunday_although_it_is_Monday_in_UTC()
    {
        var (start, startUtc, endUtc) = MissionPeriods.Of(MissionPeriod.Week, new DateTime(2026, 10, 5, 2, 30, 0, DateTimeKind.Utc), SaoPaulo);
        Assert.Equal(new DateOnly(2026, 9, 28), start);
        Assert.Equal(new DateTime(2026, 9, 28, 3, 0, 0, DateTimeKind.Utc), startUtc);
        Assert.Equal(new DateTime(2026, 10, 5, 3, 0, 0, DateTimeKind.Utc), endUtc);
    }

    [Fact]
    public void Months_and_days_start_at_local_midnight()
    {
        Assert.Equal(new DateOnly(2026, 10, 1), MissionPeriods.Of(MissionPeriod.Month, new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc), SaoPaulo).Start);
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), MissionPeriods.Bounds(MissionPeriod.Month, new DateOnly(2026, 2, 14)));
        Assert.Equal((new DateOnly(2026, 10, 4), new DateOnly(2026, 10, 4)), MissionPeriods.Bounds(MissionPeriod.Day, new DateOnly(2026, 10, 4)));
        Assert.Equal((new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 11)), MissionPeriods.Bounds(MissionPeriod.Week, new DateOnly(2026, 10, 5)));
    }
}
