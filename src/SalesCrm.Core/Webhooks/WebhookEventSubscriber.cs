using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;

namespace SalesCrm.Core.Webhooks;

/// <summary>
/// Turns each dispatched event into a delivery row per matching subscription (same transaction as the hand-off), and
/// wakes the delivery worker once that transaction has committed.
/// </summary>
public sealed class WebhookEventSubscriber(WebhookDeliverySignal signal) : IEventSubscriber
{
    private readonly Dictionary<Guid, List<WebhookSubscription>> _active = [];
    private CrmDbContext? _batch;
    private bool _added;

    public async Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
    {
        // Each dispatcher batch has its own context. Within a batch (many events of few tenants) each tenant's
        // subscriptions are read once; the next batch reads them afresh.
        if (_batch != db)
        {
            _batch = db;
            _active.Clear();
            _added = false;
        }
        if (!_active.TryGetValue(e.TenantId, out var subscriptions))
            _active[e.TenantId] = subscriptions = await db.WebhookSubscriptions.IgnoreQueryFilters().Where(w => w.TenantId == e.TenantId && w.IsActive).ToListAsync(ct);
        foreach (var subscription in subscriptions.Where(s => s.Wants(e.Type)))
        {
            if (!_added)
            {
                _added = true;
                db.SavedChanges += (_, _) => signal.Notify();
            }
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                TenantId = e.TenantId, SubscriptionId = subscription.Id, MessageId = "msg_" + e.Id.ToString("N"), EventId = e.Id, EventType = e.Type,
                Body = WebhookService.Envelope(e.Type, e.OccurredAt, JsonSerializer.Deserialize<JsonElement>(e.Payload)),
                CreatedAt = e.OccurredAt, NextAttemptAt = e.OccurredAt,
            });
        }
    }
}
