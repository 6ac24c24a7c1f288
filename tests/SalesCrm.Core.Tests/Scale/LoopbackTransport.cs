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

    public Task SubscribeAsync(Action<byte[]> onMessage, CancellationToken ct)
    {
        lock (_gate) _subscribers.Add(onMessage);
        return Task.CompletedTask;
    }
}
