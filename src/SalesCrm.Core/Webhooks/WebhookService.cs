using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Webhooks;

/// <summary>Outbound webhook subscriptions and their delivery log.</summary>
public sealed class WebhookService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, ISecretProtector protector, IOptions<WebhookOptions> options, WebhookDeliverySignal signal,
    WebhookActivity activity, LeadQuery leads, TimeProvider time)
{
    public async Task<IReadOnlyList<WebhookDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WebhooksManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.WebhookSubscriptions.AsNoTracking().OrderBy(w => w.CreatedAt).ToListAsync(ct)).Select(ToDto).ToList();
    }

    public async Task<CreatedWebhookDto> CreateAsync(WebhookInput input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.WebhooksManage, ct);
        await ValidateAsync(input, creating: true, ct);
        var secret = input.Secret ?? WebhookSigner.NewSecret();
        var now = time.GetUtcNow().UtcDateTime;
        var subscription = new WebhookSubscription
        {
            TenantId = tenantId, Url = input.Url!.Trim(), Events = NormalizeEvents(input.Events!), SecretProtected = protector.Protect(secret),
            Description = input.Description, IsActive = input.IsActive ?? true, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhookDto(subscription.Id, subscription.Url, subscription.Events, subscription.Description, subscription.IsActive, secret, now);
    }

    public async Task<WebhookDto> UpdateAsync(Guid id, WebhookInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WebhooksManage, ct);
        await ValidateAsync(input, creating: false, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Webhook", id);
        if (input.Url is not null) subscription.Url = input.Url.Trim();
        if (input.Events is not null) subscription.Events = NormalizeEvents(input.Events);
        if (input.Secret is not null) subscription.SecretProtected = protector.Protect(input.Secret);
        if (input.Description is not null) subscription.Description = input.Description;
        if (input.IsActive is { } active)
        {
            subscription.IsActive = active;
            if (active) { subscription.Failing = false; subscription.FailingSince = null; }
            subscription.DeactivatedAt = null;
            subscription.DeactivatedReason = null;
        }
        subscription.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        activity.Notify(subscription.TenantId);
        return ToDto(subscription);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WebhooksManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Webhook", id);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(ct);
        activity.Notify(subscription.TenantId);
    }

    public async Task<Paged<DeliveryDto>> DeliveriesAsync(Guid id, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WebhooksManage, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.WebhookSubscriptions.AnyAsync(w => w.Id == id, ct)) throw new NotFoundException("Webhook", id);
        var q = (await VisibleDeliveriesAsync(db, ct)).Where(d => d.SubscriptionId == id);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<DeliveryDto>(items.Select(ToDto).ToList(), total, page.Limit, page.Offset);
    }

    /// <summary>Queues the same message again (same <c>webhook-id</c>), to be sent at once.</summary>
    public async Task<DeliveryDto> RedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WebhooksManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var original = await (await VisibleDeliveriesAsync(db, ct)).FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, ct) ?? throw new NotFoundException("Delivery", deliveryId);
        var copy = new WebhookDelivery
        {
            TenantId = original.TenantId, SubscriptionId = id, MessageId = original.MessageId, EventId = original.EventId, EventType = original.EventType,
            Body = original.Body, IsTest = original.IsTest, IsRedelivery = true, CreatedAt = time.GetUtcNow().UtcDateTime, NextAttemptAt = time.GetUtcNow().UtcDateTime,
        };
        db.WebhookDeliveries.Add(copy);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ToDto(copy);
    }

    /// <summary>
    /// Deliveries the actor may see: a delivery of an event about a lead follows that lead's visibility (the receiver's
    /// answer may echo the lead), like the event itself; test deliveries and events about no lead are always shown.
    /// </summary>
    private async Task<IQueryable<WebhookDelivery>> VisibleDeliveriesAsync(CrmDbContext db, CancellationToken ct)
    {
        var deliveries = db.WebhookDeliveries.AsNoTracking();
        if (await leads.RestrictedToAsync(db, ct) is not { } visible) return deliveries;
        return deliveries.Where(d => d.EventId == null
                                     || db.Events.Any(e => e.Id == d.EventId && (e.LeadId == null || visible.Any(l => l.Id == e.LeadId))));
    }

    /// <summary>Sends a <c>webhook.test</c> message to the subscription now.</summary>
    public async Task<DeliveryDto> TestAsync(Guid id, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.WebhooksManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.WebhookSubscriptions.AnyAsync(w => w.Id == id, ct)) throw new NotFoundException("Webhook", id);
        var now = time.GetUtcNow().UtcDateTime;
        var messageId = "msg_" + Ids.New().ToString("N");
        var delivery = new WebhookDelivery
        {
            TenantId = tenantId, SubscriptionId = id, MessageId = messageId, EventType = "webhook.test", IsTest = true, CreatedAt = now, NextAttemptAt = now,
            Body = Envelope("webhook.test", now, JsonSerializer.SerializeToElement(new { message = "Test delivery from SalesCrm", subscription_id = id })),
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ToDto(delivery);
    }

    /// <summary>The Standard Webhooks envelope: <c>{ "type", "timestamp", "data" }</c>.</summary>
    public static string Envelope(string type, DateTime occurredAt, JsonElement data) =>
        JsonSerializer.Serialize(new { type, timestamp = occurredAt.ToString("O"), data }, EventRecorder.PayloadJson);

    private async Task ValidateAsync(WebhookInput input, bool creating, CancellationToken ct)
    {
        var v = new Validator();
        if (creating || input.Url is not null)
        {
            if (string.IsNullOrWhiteSpace(input.Url)) v.Add("url", "is required.");
            else if (input.Url.Length > 2000) v.Add("url", "must be at most 2000 characters.");
            else if (await TargetGuard.CheckAsync(input.Url, options.Value.AllowPrivateTargets, ct) is { } problem) v.Add("url", problem);
        }
        if (creating || input.Events is not null)
        {
            if (input.Events is not { Count: > 0 }) v.Add("events", "list at least one event type, or \"*\".");
            else foreach (var e in input.Events.Where(e => e != "*" && !EventCatalog.IsCatalog(e) && !e.StartsWith("custom.", StringComparison.Ordinal)))
                v.Add("events", $"'{e}' is not an event type.");
        }
        v.When(input.Secret is not null && !WebhookSigner.IsValidSecret(input.Secret), "secret", "must be whsec_ followed by base64 of at least 24 random bytes.");
        v.When(input.Description is { Length: > 200 }, "description", "must be at most 200 characters.");
        v.ThrowIfInvalid();
    }

    private static List<string> NormalizeEvents(IReadOnlyList<string> events) =>
        events.Contains("*") ? ["*"] : events.Select(e => e.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();

    private static WebhookDto ToDto(WebhookSubscription w) => new(w.Id, w.Url, w.Events, w.Description, w.IsActive, w.Failing, w.FailingSince, w.CreatedAt,
        w.DeactivatedAt, w.DeactivatedReason);

    public static DeliveryDto ToDto(WebhookDelivery d) => new(d.Id, d.MessageId, d.EventType, d.Status, d.Attempts, d.NextAttemptAt, d.LastAttemptAt,
        d.LastStatusCode, d.LastLatencyMs, d.LastResponseExcerpt, d.LastError, d.IsTest, d.CreatedAt);
}
