using Microsoft.Extensions.Options;
using SalesCrm.Core.Inbox;

namespace SalesCrm.Core.Tests.Inbox;

public class InboxIntakeTests
{
    /// <summary>A clock that only moves when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => _ticks;
        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private static (InboxIntake Intake, ManualClock Clock) Create(double threshold = 100)
    {
        var clock = new ManualClock();
        return (new InboxIntake(Options.Create(new InboxOptions { BurstRequestsPerSecond = threshold }), clock), clock);
    }

    private static void Receive(InboxIntake intake, ManualClock clock, int count, TimeSpan over)
    {
        for (var i = 0; i < count; i++)
        {
            intake.Received();
            clock.Advance(over / count);
        }
    }

    [Fact]
    public void Processing_runs_flat_out_while_webhooks_trickle_in()
    {
        var (intake, clock) = Create();
        Receive(intake, clock, 1, TimeSpan.FromMilliseconds(50)); // 20 per second
        Assert.Equal(TimeSpan.Zero, intake.PauseAfter(TimeSpan.FromMilliseconds(4)));
    }

    [Fact]
    public void During_a_burst_processing_works_an_eighth_of_the_time_within_bounds()
    {
        var (intake, clock) = Create();
        Receive(intake, clock, 40, TimeSpan.FromMilliseconds(20)); // 2,000 per second
        Assert.Equal(TimeSpan.FromMilliseconds(28), intake.PauseAfter(TimeSpan.FromMilliseconds(4)));
        Assert.Equal(TimeSpan.FromMilliseconds(1), intake.PauseAfter(TimeSpan.FromMicroseconds(10)));
        Assert.Equal(InboxIntake.MaxPause, intake.PauseAfter(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Processing_gives_way_within_a_window_of_a_burst_starting_and_resumes_after_it()
    {
        var (intake, clock) = Create();
        clock.Advance(TimeSpan.FromSeconds(5)); // idle
        Assert.Equal(TimeSpan.Zero, intake.PauseAfter(TimeSpan.FromMilliseconds(3)));
        Receive(intake, clock, 10, InboxIntake.Window); // 500 per second, one window
        Assert.True(intake.PauseAfter(TimeSpan.FromMilliseconds(3)) > TimeSpan.Zero);
        clock.Advance(InboxIntake.Window * 2); // quiet again
        Assert.Equal(TimeSpan.Zero, intake.PauseAfter(TimeSpan.FromMilliseconds(3)));
    }

    [Fact]
    public void A_threshold_of_zero_never_pauses()
    {
        var (intake, clock) = Create(threshold: 0);
        Receive(intake, clock, 1_000, TimeSpan.FromMilliseconds(20));
        Assert.Equal(TimeSpan.Zero, intake.PauseAfter(TimeSpan.FromMilliseconds(4)));
    }
}
