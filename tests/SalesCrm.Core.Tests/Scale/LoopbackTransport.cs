using SalesCrm.Core.Scale;

namespace SalesCrm.Core.Tests.Scale;

/// <summary>An in-memory channel with Redis pub/sub's delivery: every subscriber, the publisher's own included, gets each message.</summary>
public sealed class LoopbackTransport : IClusterTransport
{
    private readonly Lock _gate = new();
    private readonly List<Action<byte[]>> _subscribers = [];

    public bool Down { get; set; }

    public Task PublishAsync(byte[] message)
    {
        if (Down) throw new InvalidOperationException("the transport is down");
        Action<byte[]>[] subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        foreach (var subscriber in subscribers) subscriber(message);
        return Task.CompletedTask;
    }

    private readonly List<Action> _resumed = [];

    public Task SubscribeAsync(Action<byte[]> onMessage, Action onResumed, CancellationToken ct)
    {
        lock (_gate)
        {
            _subscribers.Add(onMessage);
            _resumed.Add(onResumed);
        }
        return Task.CompletedTask;
    }

    /// <summary>The channel comes back after an outage: every subscriber is told.</summary>
    public void Resume()
    {
        Down = false;
        Action[] resumed;
        lock (_gate) resumed = [.. _resumed];
        foreach (var onResumed in resumed) onResumed();
    }
}
