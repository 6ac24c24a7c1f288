using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Two outbox dispatchers on one PostgreSQL database, as on two instances (ADR 047): row locks, and a poison event.</summary>
public sealed class OutboxOnPostgresTests
{
    /// <summary>Commits a row per hand-off (no unique key on it), so an event handed off twice shows as two rows.</summary>
    private sealed class MarkingSubscriber : IEventSubscriber
    {
        public Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
        {
            db.AuditLogs.Add(new AuditLog { TenantId = e.TenantId, OccurredAt = DateTime.UtcNow, Entity = "event", EntityId = e.Id, Action = "handed_off" });
            return Task.CompletedTask;
        }
    }

    private sealed class PoisonSubscriber : IEventSubscriber
    {
        public Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct) =>
            e.Payload.Contains("poison", StringComparison.Ordinal) ? throw new InvalidOperationException("cannot digest this event") : Task.CompletedTask;
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<CrmDbContext>
    {
        public CrmDbContext CreateDbContext() => new(
            new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(connectionString, o => o.MigrationsAssembly("SalesCrm.Migrations.Postgres")).Options,
            FixedCurrentUser.System, TimeProvider.System);
    }

    [Fact]
    public async Task Two_dispatchers_hand_each_event_off_once_and_a_poison_event_gets_its_own_retry_without_blocking_the_rest()
    {
        await using var database = await SharedPostgresDatabase.CreateAsync();
        var factory = new Factory(database.ConnectionString);
        var tenantId = Guid.Empty;
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var tenant = new Tenant { Name = "T", Slug = "t-" + Guid.NewGuid().ToString("N")[..6] };
            db.Tenants.Add(tenant);
            tenantId = tenant.Id;
            var now = DateTime.UtcNow.AddMinutes(-1);
            db.Record(EventTypes.LeadCreated, tenantId, null, new { kind = "poison" }, now);
            for (var i = 0; i < 300; i++) db.Record(EventTypes.LeadCreated, tenantId, null, new { kind = "fine", i }, now.AddMilliseconds(i + 1));
            await db.SaveChangesAsync();
        }

        var dispatchers = Enumerable.Range(0, 2).Select(_ => new OutboxDispatcher(factory, [new PoisonSubscriber(), new MarkingSubscriber()], TimeProvider.System)).ToList();
        await Task.WhenAll(dispatchers.Select(d => Task.Run(async () =>
        {
            while (await d.DispatchBatchAsync(20) > 0) { }
        })));

        await using var check = factory.CreateDbContext();
        Assert.Equal(0, await check.Events.IgnoreQueryFilters().CountAsync(e => e.DispatchedAt == null));
        var handOffs = await check.AuditLogs.IgnoreQueryFilters().Where(a => a.TenantId == tenantId && a.Action == "handed_off").GroupBy(a => a.EntityId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(301, handOffs.Count);
        Assert.All(handOffs, n => Assert.Equal(1, n));
        var retry = await check.SubscriberRetries.IgnoreQueryFilters().SingleAsync();
        Assert.Equal((OutboxDispatcher.NameOf(new PoisonSubscriber()), 1), (retry.Subscriber, retry.Attempts));
        Assert.Contains("cannot digest this event", retry.LastError);
    }
}
