using Microsoft.Extensions.Options;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Core.Tests.Scale;

public sealed class SharedCopilotLimitTests
{
    private static CopilotRateLimiter Limiter(CountingWindowStore store, int perHour) =>
        new(Options.Create(new CopilotOptions { RequestsPerHour = perHour }), TimeProvider.System, store);

    [Fact]
    public async Task Two_instances_sharing_the_window_store_allow_the_hourly_budget_once_in_total()
    {
        var store = new CountingWindowStore();
        var first = Limiter(store, perHour: 3);
        var second = Limiter(store, perHour: 3);

        await first.TakeAsync("t:u");
        await second.TakeAsync("t:u");
        await first.TakeAsync("t:u");
        var refused = await Assert.ThrowsAsync<RateLimitedException>(() => second.TakeAsync("t:u"));

        Assert.Equal(store.ResetIn, refused.RetryAfter);
        await second.TakeAsync("t:other");
    }

    [Fact]
    public async Task With_the_store_down_each_instance_counts_its_own_budget()
    {
        var store = new CountingWindowStore { Down = true };
        var first = Limiter(store, perHour: 1);

        await first.TakeAsync("t:u");
        await Assert.ThrowsAsync<RateLimitedException>(() => first.TakeAsync("t:u"));
    }
}
