using Microsoft.Extensions.Options;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Core.Tests.Copilot;

public class CopilotRateLimiterTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static (CopilotRateLimiter Limiter, ManualClock Clock) Create(int perHour)
    {
        var clock = new ManualClock();
        return (new CopilotRateLimiter(Options.Create(new CopilotOptions { RequestsPerHour = perHour }), clock), clock);
    }

    [Fact]
    public void A_refusal_says_how_long_is_left_of_the_callers_window_not_a_whole_hour()
    {
        var (limiter, clock) = Create(perHour: 2);
        limiter.Take("t:u");
        clock.Now += TimeSpan.FromMinutes(20);
        limiter.Take("t:u");
        var refused = Assert.Throws<RateLimitedException>(() => limiter.Take("t:u"));
        Assert.Equal(TimeSpan.FromMinutes(40), refused.RetryAfter);

        clock.Now += TimeSpan.FromMinutes(39);
        Assert.Equal(TimeSpan.FromMinutes(1), Assert.Throws<RateLimitedException>(() => limiter.Take("t:u")).RetryAfter);
        // Another caller has a budget of their own.
        limiter.Take("t:other");
        // Once the window has passed, the caller starts a new one.
        clock.Now += TimeSpan.FromMinutes(1);
        limiter.Take("t:u");
    }
}
