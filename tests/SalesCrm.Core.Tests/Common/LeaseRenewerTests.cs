using SalesCrm.Core.Claims;

namespace SalesCrm.Core.Tests.Common;

public class LeaseRenewerTests
{
    [Fact]
    public async Task It_renews_while_held_stops_when_disposed_and_may_be_disposed_twice()
    {
        var renewals = 0;
        var renewer = new LeaseRenewer(TimeSpan.FromMilliseconds(600), _ => { Interlocked.Increment(ref renewals); return Task.CompletedTask; }, TimeProvider.System);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Volatile.Read(ref renewals) < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(renewals >= 2);

        await renewer.DisposeAsync();
        var after = Volatile.Read(ref renewals);
        await renewer.DisposeAsync();
        await Task.Delay(700);
        Assert.Equal(after, Volatile.Read(ref renewals));
    }
}
