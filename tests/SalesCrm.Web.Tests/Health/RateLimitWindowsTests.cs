using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Tests.Health;

public class RateLimitWindowsTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Reset_counts_down_within_the_window_and_an_idle_caller_starts_afresh()
    {
        var time = new ManualTime();
        var windows = new RateLimitWindows(TimeSpan.FromMinutes(1), time);
        Assert.Equal(TimeSpan.FromMinutes(1), windows.UntilReset("a"));
        time.Now += TimeSpan.FromSeconds(45);
        Assert.Equal(TimeSpan.FromSeconds(15), windows.UntilReset("a"));
        time.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(45), windows.UntilReset("a"));
        time.Now += TimeSpan.FromMinutes(5);
        Assert.Equal(TimeSpan.FromMinutes(1), windows.UntilReset("a"));
    }

    [Fact]
    public void Callers_idle_for_a_window_are_forgotten()
    {
        var time = new ManualTime();
        var windows = new RateLimitWindows(TimeSpan.FromMinutes(1), time);
        for (var i = 0; i < 1000; i++) windows.UntilReset($"ip:{i}");
        Assert.Equal(1000, windows.Count);
        time.Now += TimeSpan.FromMinutes(2);
        windows.UntilReset("ip:new");
        Assert.Equal(1, windows.Count);
    }
}
