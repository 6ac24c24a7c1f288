using Microsoft.Extensions.Options;

namespace SalesCrm.Core.Inbox;

/// <summary>
/// Acknowledgements come first. Senders retry what is not acknowledged in time, while a stored request can wait a few
/// seconds to become a lead; so during a burst (webhooks arriving faster than <see cref="InboxOptions.BurstRequestsPerSecond"/>)
/// the processor works at most an eighth of the time and leaves the CPU to the receivers. It never stops: the
/// backlog keeps being worked through during a burst and drains at full speed after it. The rate is measured over short
/// windows (<see cref="Window"/>) so that processing gives way within milliseconds of a burst starting.
/// </summary>
public sealed class InboxIntake(IOptions<InboxOptions> options, TimeProvider time)
{
    /// <summary>The rate is measured over windows at least this long.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);

    /// <summary>The shortest pause during a burst.</summary>
    public static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(1);

    /// <summary>The longest pause after one item (an item that waited long on a remote API should not stall the queue).</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private long _received;
    private long _windowCount;
    private long _windowStart = time.GetTimestamp();
    private double _rate;

    /// <summary>Counts one stored (about to be acknowledged) request.</summary>
    public void Received() => Interlocked.Increment(ref _received);

    /// <summary>Requests per second over the last complete window.</summary>
    public double RecentRate()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(_windowStart, now);
            if (elapsed >= Window)
            {
                var count = Interlocked.Read(ref _received);
                _rate = (count - _windowCount) / elapsed.TotalSeconds;
                (_windowCount, _windowStart) = (count, now);
            }
            return _rate;
        }
    }

    /// <summary>
    /// How long the processor should pause after an item that took <paramref name="worked"/>: zero outside a burst,
    /// seven times the work (an eighth duty cycle) during one, between <see cref="MinPause"/> and <see cref="MaxPause"/>.
    /// </summary>
    public TimeSpan PauseAfter(TimeSpan worked)
    {
        var threshold = options.Value.BurstRequestsPerSecond;
        if (threshold <= 0 || RecentRate() <= threshold) return TimeSpan.Zero;
        return TimeSpan.FromTicks(Math.Clamp((worked * 7).Ticks, MinPause.Ticks, MaxPause.Ticks));
    }
}
