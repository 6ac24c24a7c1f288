using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Core.Tests.Webhooks;

public class DeliveryOncePerEventTests
{
    private static WebhookDelivery Delivery(Guid tenantId, Guid subscriptionId, Guid? eventId, bool redelivery = false, bool test = false) => new()
    {
        TenantId = tenantId, SubscriptionId = subscriptionId, EventId = eventId, MessageId = "msg_" + (eventId ?? Guid.NewGuid()).ToString("N"),
        EventType = test ? "webhook.test" : "lead.created", Body = "{}", IsRedelivery = redelivery, IsTest = test, CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
    };

    [Fact]
    public async Task A_second_delivery_row_for_the_same_subscription_and_event_is_refused_while_redeliveries_and_tests_stay_possible()
    {
        await using var db = await TestDb.CreateAsync();
        await using var context = db.As(FixedCurrentUser.System);
        var tenant = new Tenant { Name = "T", Slug = "t-" + Guid.NewGuid().ToString("N")[..6] };
        context.Tenants.Add(tenant);
        var subscription = new WebhookSubscription { TenantId = tenant.Id, Url = "https://example.com/hook", Events = ["lead.created"], SecretProtected = "x" };
        context.WebhookSubscriptions.Add(subscription);
        var eventId = Ids.New();
        context.WebhookDeliveries.Add(Delivery(tenant.Id, subscription.Id, eventId));
        await context.SaveChangesAsync();

        context.WebhookDeliveries.Add(Delivery(tenant.Id, subscription.Id, eventId));
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        context.ChangeTracker.Clear();

        context.WebhookDeliveries.Add(Delivery(tenant.Id, subscription.Id, eventId, redelivery: true));
        context.WebhookDeliveries.Add(Delivery(tenant.Id, subscription.Id, eventId, redelivery: true));
        context.WebhookDeliveries.Add(Delivery(tenant.Id, subscription.Id, null, test: true));
        context.WebhookDeliveries.Add(Delivery(tenant.Id, subscription.Id, null, test: true));
        await context.SaveChangesAsync();
        Assert.Equal(5, await context.WebhookDeliveries.IgnoreQueryFilters().CountAsync(d => d.SubscriptionId == subscription.Id));
    }
}
