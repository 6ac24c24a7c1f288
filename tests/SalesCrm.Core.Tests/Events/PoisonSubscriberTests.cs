using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Events;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Tests.Events;

public class PoisonSubscriberTests
{
    /// <summary>Commits a marker row per event it handles, so a test sees which effects committed (and how often).</summary>
    private sealed class MarkingSubscriber(string prefix) : IEventSubscriber
    {
        public Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
        {
            db.ProcessedKeys.Add(new ProcessedKey { TenantId = e.TenantId, Key = prefix + e.Id, ProcessedAt = DateTime.UtcNow });
            return Task.CompletedTask;
        }
    }

    /// <summary>Adds its marker, then throws on events whose payload says poison (while <see cref="Broken"/>).</summary>
    private sealed class PoisonSubscriber : IEventSubscriber
    {
        public bool Broken { get; set; } = true;

        public Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
        {
            db.ProcessedKeys.Add(new ProcessedKey { TenantId = e.TenantId, Key = "poison-sub:" + e.Id, ProcessedAt = DateTime.UtcNow });
            if (Broken && e.Payload.Contains("poison", StringComparison.Ordinal)) throw new InvalidOperationException("cannot digest this event");
            return Task.CompletedTask;
        }
    }

    private static async Task<Guid> TenantAsync(TestDb db)
    {
        await using var system = db.As(FixedCurrentUser.System);
        var tenant = new Tenant { Name = "T", Slug = "t-" + Guid.NewGuid().ToString("N")[..6] };
        system.Tenants.Add(tenant);
        await system.SaveChangesAsync();
        return tenant.Id;
    }

    private static async Task<Guid> EmitAsync(TestDb db, Guid tenantId, string kind, DateTime at)
    {
        await using var context = db.As(FixedCurrentUser.System);
        var e = context.Record(EventTypes.LeadCreated, tenantId, null, new { kind }, at);
        await context.SaveChangesAsync();
        return e.Id;
    }

    [Fact]
    public async Task A_subscriber_failing_on_one_event_gets_its_own_retry_and_blocks_neither_other_events_nor_other_tenants()
    {
        await using var db = await TestDb.CreateAsync();
        var (a, b) = (await TenantAsync(db), await TenantAsync(db));
        var now = DateTime.UtcNow;
        var poison = await EmitAsync(db, a, "poison", now.AddSeconds(-3));
        var sameTenant = await EmitAsync(db, a, "fine", now.AddSeconds(-2));
        var otherTenant = await EmitAsync(db, b, "fine", now.AddSeconds(-1));
        var broken = new PoisonSubscriber();
        var dispatcher = new OutboxDispatcher(db.FactoryFor(FixedCurrentUser.System), [broken, new MarkingSubscriber("mark:")], TimeProvider.System);

        Assert.Equal(3, await dispatcher.DispatchBatchAsync());

        await using (var check = db.As(FixedCurrentUser.System))
        {
            Assert.Equal(0, await check.Events.IgnoreQueryFilters().CountAsync(e => e.DispatchedAt == null));
            var keys = await check.ProcessedKeys.Select(k => k.Key).ToListAsync();
            // Every event reached the healthy subscriber once; the poison subscriber's partial work on its bad event rolled back.
            Assert.Equal(new[] { "mark:" + otherTenant, "mark:" + poison, "mark:" + sameTenant }.Order(), keys.Where(k => k.StartsWith("mark:")).Order());
            Assert.Equal(new[] { "poison-sub:" + otherTenant, "poison-sub:" + sameTenant }.Order(), keys.Where(k => k.StartsWith("poison-sub:")).Order());
            var retry = await check.SubscriberRetries.IgnoreQueryFilters().SingleAsync();
            Assert.Equal((poison, a, OutboxDispatcher.NameOf(broken), 1, false), (retry.EventId, retry.TenantId, retry.Subscriber, retry.Attempts, retry.Failed));
            Assert.Contains("cannot digest this event", retry.LastError);
            Assert.True(retry.NextAttemptAt > now);
        }

        // Due again while still broken: one more attempt recorded, nothing else disturbed.
        await MakeRetriesDueAsync(db);
        Assert.Equal(1, await dispatcher.RetryDueAsync());
        await using (var check = db.As(FixedCurrentUser.System))
        {
            var retry = await check.SubscriberRetries.IgnoreQueryFilters().SingleAsync();
            Assert.Equal(2, retry.Attempts);
            Assert.Equal(5, await check.ProcessedKeys.CountAsync());
        }

        // Fixed: the retry applies the subscriber alone (the other one is not run again) and the retry row goes.
        broken.Broken = false;
        await MakeRetriesDueAsync(db);
        Assert.Equal(1, await dispatcher.RetryDueAsync());
        await using (var check = db.As(FixedCurrentUser.System))
        {
            Assert.Equal(0, await check.SubscriberRetries.IgnoreQueryFilters().CountAsync());
            Assert.Equal(1, await check.ProcessedKeys.CountAsync(k => k.Key == "poison-sub:" + poison));
            Assert.Equal(1, await check.ProcessedKeys.CountAsync(k => k.Key == "mark:" + poison));
        }
    }

    [Fact]
    public async Task A_subscriber_that_never_recovers_ends_failed_after_its_last_retry()
    {
        await using var db = await TestDb.CreateAsync();
        var tenant = await TenantAsync(db);
        await EmitAsync(db, tenant, "poison", DateTime.UtcNow);
        var dispatcher = new OutboxDispatcher(db.FactoryFor(FixedCurrentUser.System), [new PoisonSubscriber()], TimeProvider.System);
        await dispatcher.DispatchBatchAsync();

        for (var i = 0; i < 10; i++)
        {
            await MakeRetriesDueAsync(db);
            await dispatcher.RetryDueAsync();
        }

        await using var check = db.As(FixedCurrentUser.System);
        var retry = await check.SubscriberRetries.IgnoreQueryFilters().SingleAsync();
        Assert.True(retry.Failed);
        Assert.Equal(OutboxDispatcher.RetryDelays.Length + 1, retry.Attempts);
    }

    private static async Task MakeRetriesDueAsync(TestDb db)
    {
        await using var context = db.As(FixedCurrentUser.System);
        await context.SubscriberRetries.IgnoreQueryFilters().ExecuteUpdateAsync(u => u.SetProperty(r => r.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
    }
}
