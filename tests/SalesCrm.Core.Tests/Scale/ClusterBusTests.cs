using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Scale;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Core.Tests.Scale;

public sealed class ClusterBusTests
{
    private sealed class Instance
    {
        public Instance(IClusterTransport transport)
        {
            Bus = new ClusterBus(transport, [Access, Conversations], [Deliveries], NullLogger<ClusterBus>.Instance);
            Bus.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        public AccessSignal Access { get; } = new();
        public ConversationActivity Conversations { get; } = new();
        public WebhookDeliverySignal Deliveries { get; } = new();
        public ClusterBus Bus { get; }
    }

    /// <summary>Records the events a subscriber hears; <see cref="UntilAsync"/> waits for one by type.</summary>
    private sealed class Heard
    {
        private readonly ConcurrentQueue<CrmEvent> _events = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

        public Heard(ICrmEventBus bus) => bus.Subscribe(e =>
        {
            _events.Enqueue(e);
            Waiter(e.Type).TrySetResult();
            return Task.CompletedTask;
        });

        public IReadOnlyList<CrmEvent> Events => [.. _events];

        public Task UntilAsync(string type) => Waiter(type).Task.WaitAsync(TimeSpan.FromSeconds(10));

        private TaskCompletionSource Waiter(string type) => _waiting.GetOrAdd(type, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private static CrmEvent Event(string type) => new() { Type = type, TenantId = Guid.NewGuid(), LeadId = Guid.NewGuid(), Payload = "{\"stage_id\":\"s\"}" };

    [Fact]
    public async Task A_committed_event_reaches_the_subscribers_of_every_instance_once_the_publishers_included()
    {
        var transport = new LoopbackTransport();
        var first = new Instance(transport);
        var second = new Instance(transport);
        var onFirst = new Heard(first.Bus);
        var onSecond = new Heard(second.Bus);
        var moved = Event(EventTypes.LeadStageChanged);

        first.Bus.Publish([moved]);
        // Each subscriber's queue is ordered: a doubled delivery of the move would arrive before this marker.
        first.Bus.Publish([Event("test.marker")]);
        await onFirst.UntilAsync("test.marker");
        await onSecond.UntilAsync("test.marker");

        Assert.Equal([moved.Id], onFirst.Events.Where(e => e.Type == EventTypes.LeadStageChanged).Select(e => e.Id));
        var received = Assert.Single(onSecond.Events, e => e.Type == EventTypes.LeadStageChanged);
        Assert.Equal((moved.Id, moved.TenantId, moved.LeadId, moved.Payload), (received.Id, received.TenantId, received.LeadId, received.Payload));
    }

    [Fact]
    public async Task A_hub_broadcaster_hears_only_the_events_published_on_its_own_instance()
    {
        var transport = new LoopbackTransport();
        var first = new Instance(transport);
        var second = new Instance(transport);
        var own = new ConcurrentQueue<string>();
        var ownDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Bus.SubscribeOwn(e =>
        {
            own.Enqueue(e.Type);
            if (e.Type == "test.marker") ownDone.TrySetResult();
            return Task.CompletedTask;
        });
        var onSecond = new Heard(second.Bus);

        first.Bus.Publish([Event(EventTypes.LeadStageChanged)]);
        await onSecond.UntilAsync(EventTypes.LeadStageChanged);
        second.Bus.Publish([Event("test.marker")]);
        await ownDone.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["test.marker"], own);
    }

    [Fact]
    public void A_tenant_signal_is_heard_once_on_each_instance_for_its_workspace_only()
    {
        var transport = new LoopbackTransport();
        var first = new Instance(transport);
        var second = new Instance(transport);
        var tenant = Guid.NewGuid();
        int onFirst = 0, onSecond = 0, otherSignal = 0, otherTenant = 0;
        using var a = first.Conversations.Watch(tenant, () => onFirst++);
        using var b = second.Conversations.Watch(tenant, () => onSecond++);
        using var c = second.Access.Watch(tenant, () => otherSignal++);
        using var d = second.Conversations.Watch(Guid.NewGuid(), () => otherTenant++);

        first.Conversations.Notify(tenant);

        Assert.Equal((1, 1, 0, 0), (onFirst, onSecond, otherSignal, otherTenant));
    }

    [Fact]
    public void A_work_wake_up_wakes_the_workers_of_every_instance_once()
    {
        var transport = new LoopbackTransport();
        var first = new Instance(transport);
        var second = new Instance(transport);
        int onFirst = 0, onSecond = 0;
        first.Deliveries.Notified += () => onFirst++;
        second.Deliveries.Notified += () => onSecond++;

        second.Deliveries.Notify();

        Assert.Equal((1, 1), (onFirst, onSecond));
    }

    [Fact]
    public async Task With_the_transport_down_publishing_does_not_fail_and_local_subscribers_still_hear()
    {
        var transport = new LoopbackTransport();
        var first = new Instance(transport);
        var onFirst = new Heard(first.Bus);
        var tenant = Guid.NewGuid();
        var signalled = 0;
        using var watch = first.Access.Watch(tenant, () => signalled++);
        transport.Down = true;

        first.Bus.Publish([Event(EventTypes.LeadCreated)]);
        first.Access.Notify(tenant);

        await onFirst.UntilAsync(EventTypes.LeadCreated);
        Assert.Equal(1, signalled);
    }

    [Fact]
    public async Task When_the_transport_comes_back_open_pages_signal_watchers_and_workers_catch_up_but_hub_broadcasters_hear_nothing()
    {
        var transport = new LoopbackTransport();
        var first = new Instance(transport);
        var second = new Instance(transport);
        var tenant = Guid.NewGuid();
        transport.Down = true;
        first.Bus.Publish([Event(EventTypes.LeadStageChanged)]); // lost for the second instance
        var board = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = second.Bus.Watch(e => e.TenantId == tenant && e.Type == EventTypes.LeadStageChanged, () => board.TrySetResult());
        var own = new List<CrmEvent>();
        using var broadcaster = second.Bus.SubscribeOwn(e => { lock (own) own.Add(e); return Task.CompletedTask; });
        int access = 0, woken = 0;
        using var signal = second.Access.Watch(tenant, () => access++);
        second.Deliveries.Notified += () => woken++;

        transport.Resume();

        await board.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((1, 1), (access, woken));
        await Task.Delay(100);
        lock (own) Assert.Empty(own);
    }

    [Fact]
    public void A_page_watch_ignores_events_it_does_not_match_until_a_resync()
    {
        var bus = new InProcessCrmEventBus();
        var heard = new SemaphoreSlim(0);
        using var watch = bus.Watch(e => e.Type == EventTypes.DealWon, () => heard.Release());

        bus.Publish([Event(EventTypes.LeadCreated)]);
        Assert.False(heard.Wait(200));
        bus.Publish([new CrmEvent { Type = CrmEventBusExtensions.ResyncType }]);
        Assert.True(heard.Wait(TimeSpan.FromSeconds(10)));
    }
}
