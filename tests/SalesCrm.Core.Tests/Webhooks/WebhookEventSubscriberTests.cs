using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Core.Tests.Webhooks;

public class WebhookEventSubscriberTests
{
    private static async Task<Guid> TenantAsync(TestDb db)
    {
        await using var system = db.As(FixedCurrentUser.System);
        var tenant = new Tenant { Name = "T", Slug = "t-" + Guid.NewGuid().ToString("N")[..6] };
        system.Tenants.Add(tenant);
        system.Roles.Add(new Role { TenantId = tenant.Id, Name = "role" });
        await system.SaveChangesAsync();
        return tenant.Id;
    }

    private static async Task EmitAsync(TestDb db, Guid tenantId, string type)
    {
        await using var context = db.As(FixedCurrentUser.System);
        context.Record(type, tenantId, null, new { n = 1 }, DateTime.UtcNow);
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task A_batch_reads_subscriptions_afresh_and_wakes_the_delivery_worker_only_after_deliveries_commit()
    {
        await using var db = await TestDb.CreateAsync();
        var tenantId = await TenantAsync(db);
        var signal = new WebhookDeliverySignal();
        var wakes = 0;
        signal.Notified += () => wakes++;
        // The worker's scope keeps one subscriber across its batches, as the host does.
        var dispatcher = new OutboxDispatcher(db.FactoryFor(FixedCurrentUser.System), [new WebhookEventSubscriber(signal)], TimeProvider.System);

        await EmitAsync(db, tenantId, EventTypes.LeadCreated);
        Assert.Equal(1, await dispatcher.DispatchBatchAsync());
        Assert.Equal(0, wakes);

        await using (var system = db.As(FixedCurrentUser.System))
        {
            system.WebhookSubscriptions.Add(new WebhookSubscription { TenantId = tenantId, Url = "https://example.com/hook", Events = ["lead.created"], SecretProtected = "x" });
            await system.SaveChangesAsync();
        }
        await EmitAsync(db, tenantId, EventTypes.LeadCreated);
        await EmitAsync(db, tenantId, EventTypes.LeadCreated);
        await EmitAsync(db, tenantId, EventTypes.LeadDeleted);
        Assert.Equal(3, await dispatcher.DispatchBatchAsync());
        Assert.Equal(1, wakes);

        await using var check = db.As(FixedCurrentUser.System);
        Assert.Equal(2, await check.WebhookDeliveries.IgnoreQueryFilters().CountAsync(d => d.TenantId == tenantId && d.EventType == "lead.created"));
        Assert.Equal(0, await check.Events.IgnoreQueryFilters().CountAsync(e => e.DispatchedAt == null));
    }
}
