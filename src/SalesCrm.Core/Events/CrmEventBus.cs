using System.Threading.Channels;

namespace SalesCrm.Core.Events;

/// <summary>
/// The in-process stream of committed events. Services publish after SaveChanges succeeds; the SignalR broadcaster
/// and open Blazor boards subscribe. A Redis-backed bus can replace it to scale every subscriber out at once.
/// </summary>
public interface ICrmEventBus
{
    void Publish(IReadOnlyList<CrmEvent> events);
    IDisposable Subscribe(Func<CrmEvent, Task> handler);

    /// <summary>
    /// Only the events published in this process. For SignalR broadcasters: with several instances the SignalR backplane
    /// already carries their hub messages to every instance's clients, so a broadcaster that also sent the other
    /// instances' events would send each message twice (ADR 046). In one process the same as <see cref="Subscribe"/>.
    /// </summary>
    IDisposable SubscribeOwn(Func<CrmEvent, Task> handler) => Subscribe(handler);
}

public static class CrmEventBusExtensions
{
    /// <summary>
    /// The type of the local-only event the cluster bus publishes when its channel is back after an outage (events may
    /// have been missed): no tenant, no lead, never stored or sent to webhooks or hub clients.
    /// </summary>
    public const string ResyncType = "bus.resync";

    /// <summary>
    /// Calls <paramref name="onMatch"/> (which must return at once, e.g. a page's refresh request) for each committed event
    /// that matches, and after the bus lost events (<see cref="ResyncType"/>), until disposed.
    /// </summary>
    public static IDisposable Watch(this ICrmEventBus bus, Func<CrmEvent, bool> matches, Action onMatch) => bus.Subscribe(e =>
    {
        if (e.Type == ResyncType || matches(e)) onMatch();
        return Task.CompletedTask;
    });
}

/// <summary>Each subscriber gets its own ordered queue, so a slow or failing one never delays the writer or the others.</summary>
public sealed class InProcessCrmEventBus : ICrmEventBus
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public void Publish(IReadOnlyList<CrmEvent> events)
    {
        var subscriptions = _subscriptions;
        foreach (var e in events)
        {
            foreach (var subscription in subscriptions) subscription.Queue.Writer.TryWrite(e);
        }
    }

    public IDisposable Subscribe(Func<CrmEvent, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        lock (_gate) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
    }

    private sealed class Subscription : IDisposable
    {
        private readonly InProcessCrmEventBus _bus;

        public Subscription(InProcessCrmEventBus bus, Func<CrmEvent, Task> handler)
        {
            _bus = bus;
            _ = Task.Run(async () =>
            {
                await foreach (var e in Queue.Reader.ReadAllAsync())
                {
                    try { await handler(e); }
                    catch (Exception) { /* a failing subscriber (e.g. a closed circuit) only loses its own update */ }
                }
            });
        }

        public Channel<CrmEvent> Queue { get; } = Channel.CreateUnbounded<CrmEvent>(new UnboundedChannelOptions { SingleReader = true });

        public void Dispose()
        {
            _bus.Remove(this);
            Queue.Writer.TryComplete();
        }
    }
}
