namespace SalesCrm.Core.Claims;

/// <summary>
/// Keeps a batch's leases alive while it is worked on: every third of the lease it calls <c>renew</c> (which extends
/// the rows still claimed by this instance) until disposed. A failed renewal is retried on the next tick; if the lease
/// runs out meanwhile another instance may take the row over, and the idempotency keys keep its effects single.
/// </summary>
public sealed class LeaseRenewer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseRenewer(TimeSpan lease, Func<CancellationToken, Task> renew, TimeProvider time)
    {
        var period = TimeSpan.FromMilliseconds(Math.Max(200, lease.TotalMilliseconds / 3));
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(period, time);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try { await renew(_stop.Token); }
                    catch (Exception e) when (e is not OperationCanceledException) { }
                }
            }
            catch (OperationCanceledException) { }
        });
    }

    private int _disposed;

    /// <summary>Stops renewing; safe to call more than once (a worker stops it before saving, and again on leaving).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
