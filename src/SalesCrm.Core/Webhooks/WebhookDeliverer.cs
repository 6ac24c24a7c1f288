using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Claims;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Webhooks;

/// <summary>Sends due deliveries, records each attempt, and schedules the next one; exhausted ones flag the subscription failing.</summary>
/// <remarks>
/// A receiver answering <c>410 Gone</c> has unsubscribed (Standard Webhooks): that delivery fails at once, the
/// subscription is deactivated with the reason recorded, and its other pending deliveries are not sent. Redirects are
/// never followed (the transport refuses them), so a 3xx is a failed attempt like any non-2xx.
/// </remarks>
/// <remarks>
/// Several instances (ADR 047): a batch is claimed first (<c>ClaimedBy</c>, <c>LeaseUntil</c>) by one conditional update,
/// so two instances never send the same row; the lease is renewed while the batch is being sent and cleared with the
/// outcome. A lease that runs out (the instance crashed) makes the row due for any instance again.
/// </remarks>
public sealed class WebhookDeliverer(IDbContextFactory<CrmDbContext> dbFactory, IWebhookTransport transport, ISecretProtector protector, IOptions<WebhookOptions> options,
    WebhookActivity activity, IOptions<ClaimOptions> claims, TimeProvider time)
{
    public async Task<int> DeliverDueAsync(int max = 20, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var me = claims.Value.Instance;
        var lease = WorkClaims.LeaseEnd(now, claims.Value.Lease);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NextAttemptAt).Take(max).Select(d => d.Id);
        // The lease condition is repeated outside the sub-query: PostgreSQL re-checks it on a row another instance claimed meanwhile.
        var claimed = await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => candidates.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimedBy, me).SetProperty(d => d.LeaseUntil, lease), ct);
        if (claimed == 0) return 0;
        var due = await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.ClaimedBy == me && d.LeaseUntil == lease && d.Status == DeliveryStatus.Pending).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ids = due.Select(d => d.Id).ToList();
        await using var renewer = new LeaseRenewer(claims.Value.Lease, async token =>
        {
            await using var renewDb = await dbFactory.CreateDbContextAsync(token);
            var until = WorkClaims.LeaseEnd(time.GetUtcNow().UtcDateTime, claims.Value.Lease);
            await renewDb.WebhookDeliveries.IgnoreQueryFilters().Where(d => ids.Contains(d.Id) && d.ClaimedBy == me).ExecuteUpdateAsync(u => u.SetProperty(d => d.LeaseUntil, until), token);
        }, time);
        var subscriptionIds = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.IgnoreQueryFilters().Where(w => subscriptionIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var schedule = options.Value.Schedule;
        // Once claimed, the batch ends cleanly even when the app is stopping (ct): a request already sent is awaited (the
        // transport bounds it by Webhooks:TimeoutSeconds) and recorded, one not yet started is not sent and its claim is
        // released below. Cancelling a sent request instead would leave it unrecorded and leased, and another instance
        // would send it again when the lease lapsed.
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (delivery, _) =>
        {
            if (ct.IsCancellationRequested) return;
            if (!subscriptions.TryGetValue(delivery.SubscriptionId, out var subscription)) return;
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            var secret = protector.Unprotect(subscription.SecretProtected);
            var headers = new Dictionary<string, string>
            {
                ["webhook-id"] = delivery.MessageId,
                ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["webhook-signature"] = WebhookSigner.Sign(secret, delivery.MessageId, timestamp, delivery.Body),
            };
            var watch = Stopwatch.StartNew();
            var result = await transport.PostAsync(subscription.Url, headers, delivery.Body, CancellationToken.None);
            lock (delivery)
            {
                delivery.Attempts++;
                delivery.LastAttemptAt = time.GetUtcNow().UtcDateTime;
                delivery.LastLatencyMs = (int)watch.ElapsedMilliseconds;
                delivery.LastStatusCode = result.StatusCode;
                delivery.LastResponseExcerpt = result.ResponseExcerpt;
                delivery.LastError = result.Error;
            }
        });
        foreach (var delivery in due.Where(d => d.LastAttemptAt is not null && d.LastAttemptAt >= now))
        {
            var subscription = subscriptions[delivery.SubscriptionId];
            if (delivery.LastStatusCode == 410)
            {
                delivery.Status = DeliveryStatus.Failed;
                if (subscription.IsActive)
                {
                    subscription.IsActive = false;
                    subscription.DeactivatedAt = delivery.LastAttemptAt;
                    subscription.DeactivatedReason = GoneReason;
                    subscription.UpdatedAt = delivery.LastAttemptAt!.Value;
                }
            }
            else if (!subscription.IsActive && subscription.DeactivatedReason is not null)
            {
                // The receiver unsubscribed (a 410 in this batch, or earlier and this is an admin's test or redelivery):
                // the outcome is recorded, but nothing is retried.
                delivery.Status = delivery.LastStatusCode is >= 200 and < 300 ? DeliveryStatus.Succeeded : DeliveryStatus.Failed;
            }
            else if (delivery.LastStatusCode is >= 200 and < 300)
            {
                delivery.Status = DeliveryStatus.Succeeded;
                subscription.Failing = false;
                subscription.FailingSince = null;
            }
            else if (delivery.Attempts >= schedule.Length)
            {
                delivery.Status = DeliveryStatus.Failed;
                if (!subscription.Failing) { subscription.Failing = true; subscription.FailingSince = delivery.LastAttemptAt; }
            }
            else
            {
                delivery.NextAttemptAt = delivery.LastAttemptAt!.Value.AddSeconds(schedule[delivery.Attempts]);
            }
        }
        foreach (var delivery in due)
        {
            delivery.ClaimedBy = null;
            delivery.LeaseUntil = null;
        }
        await renewer.DisposeAsync();
        var gone = subscriptions.Values.Where(s => s.DeactivatedReason == GoneReason && s.DeactivatedAt >= now).Select(s => s.Id).ToList();
        await db.SaveChangesAsync(CancellationToken.None);
        if (gone.Count > 0)
        {
            await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => gone.Contains(d.SubscriptionId) && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.LastError, "Not sent: the receiver answered 410 Gone (unsubscribed)."), ct);
        }
        foreach (var tenantId in due.Select(d => d.TenantId).Distinct()) activity.Notify(tenantId);
        return due.Count;
    }

    /// <summary>The recorded reason when a receiver answered 410 Gone.</summary>
    public const string GoneReason = "The receiver answered 410 Gone: it has unsubscribed. Reactivate the subscription once the endpoint accepts deliveries again.";
}
