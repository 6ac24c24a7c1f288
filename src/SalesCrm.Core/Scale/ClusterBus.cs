using System.Text.Json;
using Microsoft.Extensions.Logging;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;

namespace SalesCrm.Core.Scale;

/// <summary>
/// The event bus of an instance in a cluster (ADR 046): committed events, tenant signals and work wake-ups all travel on
/// one <see cref="IClusterTransport"/> channel. A publisher delivers to its own subscribers at once (so a lost transport
/// never loses local delivery) and skips its own messages when they come back; every other instance delivers each
/// message once to its local subscribers. Durable <see cref="IEventSubscriber"/>s are not involved: the outbox dispatcher
/// runs them once cluster-wide.
/// </summary>
public sealed class ClusterBus : ICrmEventBus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly InProcessCrmEventBus _local = new();
    private readonly InProcessCrmEventBus _own = new();
    private readonly IClusterTransport _transport;
    private readonly ILogger<ClusterBus> _logger;
    private readonly Dictionary<string, TenantSignal> _tenantSignals = new();
    private readonly Dictionary<string, WorkSignal> _workSignals = new();

    public ClusterBus(IClusterTransport transport, IEnumerable<TenantSignal> tenantSignals, IEnumerable<WorkSignal> workSignals, ILogger<ClusterBus> logger)
    {
        _transport = transport;
        _logger = logger;
        foreach (var signal in tenantSignals.Distinct())
        {
            var name = NameOf(signal);
            _tenantSignals[name] = signal;
            signal.Relay = tenantId => Send(new ClusterMessage { Origin = Instance, Signal = name, TenantId = tenantId });
        }
        foreach (var signal in workSignals.Distinct())
        {
            var name = NameOf(signal);
            _workSignals[name] = signal;
            signal.Relay = () => Send(new ClusterMessage { Origin = Instance, Signal = name });
        }
    }

    /// <summary>This instance, as named in the messages it sends.</summary>
    public Guid Instance { get; } = Guid.NewGuid();

    public void Publish(IReadOnlyList<CrmEvent> events)
    {
        if (events.Count == 0) return;
        _local.Publish(events);
        _own.Publish(events);
        Send(new ClusterMessage { Origin = Instance, Events = [.. events] });
    }

    public IDisposable Subscribe(Func<CrmEvent, Task> handler) => _local.Subscribe(handler);

    public IDisposable SubscribeOwn(Func<CrmEvent, Task> handler) => _own.Subscribe(handler);

    /// <summary>Listens on the channel until <paramref name="ct"/> ends.</summary>
    public Task StartAsync(CancellationToken ct) => _transport.SubscribeAsync(Receive, Resume, ct);

    /// <summary>
    /// The channel is back after an outage: what the other instances sent meanwhile was lost, so every open page reads its
    /// data again (a <see cref="CrmEventBusExtensions.ResyncType"/> event, which every <c>Watch</c> matches), every tenant
    /// signal's watchers refresh and every worker looks for work. Hub clients are not told (see ADR 046).
    /// </summary>
    public void Resume()
    {
        _logger.LogInformation("The cluster bus is back; open pages and workers catch up on what they missed");
        _local.Publish([new CrmEvent { Type = CrmEventBusExtensions.ResyncType, OccurredAt = DateTime.UtcNow }]);
        foreach (var signal in _tenantSignals.Values) signal.NotifyAllHere();
        foreach (var signal in _workSignals.Values) signal.NotifyHere();
    }

    private void Send(ClusterMessage message)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(message, Json);
            _transport.PublishAsync(bytes).ContinueWith(
                t => _logger.LogWarning(t.Exception, "The cluster bus could not publish; other instances miss this notification"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "The cluster bus could not publish; other instances miss this notification");
        }
    }

    private void Receive(byte[] bytes)
    {
        try
        {
            var message = JsonSerializer.Deserialize<ClusterMessage>(bytes, Json);
            if (message is null || message.Origin == Instance) return;
            if (message.Events is { Count: > 0 } events) _local.Publish(events);
            else if (message.Signal is { } name && message.TenantId is { } tenantId && _tenantSignals.TryGetValue(name, out var tenantSignal)) tenantSignal.NotifyHere(tenantId);
            else if (message.Signal is { } work && message.TenantId is null && _workSignals.TryGetValue(work, out var workSignal)) workSignal.NotifyHere();
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "A cluster bus message could not be delivered");
        }
    }

    private static string NameOf(object signal) => signal.GetType().FullName!;
}
