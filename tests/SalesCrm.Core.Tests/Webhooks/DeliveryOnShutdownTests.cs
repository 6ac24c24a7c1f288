using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Claims;
using SalesCrm.Core.Common;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Core.Tests.Webhooks;

/// <summary>
/// The app stopping while a batch of deliveries is out: what was sent is recorded, what was not is released at once —
/// never a sent request left leased and unrecorded, which another instance would send again when the lease lapsed.
/// </summary>
public class DeliveryOnShutdownTests
{
    private sealed class PlainSecrets : ISecretProtector
    {
        public string Protect(string plaintext) => plaintext;
        public string Unprotect(string protectedText) => protectedText;
    }

    /// <summary>Holds every request until <see cref="Release"/>; counts what reached the receiver.</summary>
    private sealed class HeldTransport : IWebhookTransport
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource FirstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Sent;

        public void Release() => _release.TrySetResult();

        public async Task<TransportResult> PostAsync(string url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
        {
            Interlocked.Increment(ref Sent);
            FirstSent.TrySetResult();
            await _release.Task.WaitAsync(ct);
            return new TransportResult(200, "ok", null);
        }
    }

    [Fact]
    public async Task Stopping_mid_batch_records_the_sent_deliveries_and_releases_the_unsent_ones()
    {
        await using var db = await TestDb.CreateAsync();
        Guid tenantId;
        await using (var context = db.As(FixedCurrentUser.System))
        {
            var tenant = new Tenant { Name = "T", Slug = "t-" + Guid.NewGuid().ToString("N")[..6] };
            context.Tenants.Add(tenant);
            var subscription = new WebhookSubscription { TenantId = tenant.Id, Url = "https://example.com/hook", Events = ["lead.created"], SecretProtected = "whsec_" + Convert.ToBase64String(new byte[32]) };
            context.WebhookSubscriptions.Add(subscription);
            for (var i = 0; i < 10; i++)
                context.WebhookDeliveries.Add(new WebhookDelivery
                {
                    TenantId = tenant.Id, SubscriptionId = subscription.Id, EventId = Ids.New(), MessageId = $"msg_{i}", EventType = "lead.created",
                    Body = "{}", CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow.AddSeconds(-1),
                });
            await context.SaveChangesAsync();
            tenantId = tenant.Id;
        }
        var transport = new HeldTransport();
        var deliverer = new WebhookDeliverer(db.FactoryFor(FixedCurrentUser.System), transport, new PlainSecrets(), Options.Create(new WebhookOptions()),
            new WebhookActivity(), Options.Create(new ClaimOptions { Instance = "stopping" }), TimeProvider.System);

        using var stopping = new CancellationTokenSource();
        var batch = deliverer.DeliverDueAsync(10, stopping.Token);
        await Task.WhenAny(transport.FirstSent.Task, batch).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(batch.IsFaulted, batch.Exception?.ToString());
        stopping.Cancel();
        transport.Release();
        await batch.WaitAsync(TimeSpan.FromSeconds(30));

        await using var check = db.As(FixedCurrentUser.System);
        var rows = await check.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.TenantId == tenantId).ToListAsync();
        var sent = Volatile.Read(ref transport.Sent);
        Assert.InRange(sent, 1, 9);
        Assert.Equal(sent, rows.Count(d => d.Status == DeliveryStatus.Succeeded && d.Attempts == 1));
        Assert.All(rows.Where(d => d.Status == DeliveryStatus.Pending), d => Assert.Equal((0, null, (DateTime?)null), (d.Attempts, d.ClaimedBy, d.LeaseUntil)));
        Assert.Equal(10 - sent, rows.Count(d => d.Status == DeliveryStatus.Pending));
    }
}
