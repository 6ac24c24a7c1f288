using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Events;
using SalesCrm.Core.Webhooks;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Both instances work on the same tables at once; every row is worked on by one of them (ADR 047).</summary>
public sealed class WorkClaimsTests(ClaimingInstances pair) : IClassFixture<ClaimingInstances>
{
    private const int Burst = 500;

    [Fact]
    public async Task Five_hundred_signed_meta_webhooks_spread_over_two_processing_instances_become_exactly_one_lead_each()
    {
        var owner = await pair.First.RegisterAsync();
        var pageId = MetaBurst.NewPageId();
        await MetaBurst.ConnectPageAsync(owner, pageId);
        var leadgens = Enumerable.Range(0, Burst).Select(i => $"{pageId}{i:D4}").ToList();
        foreach (var id in leadgens) pair.Graph.Leads[id] = new() { ["full_name"] = $"Lead {id}" };
        var clients = new[] { pair.First.CreateClient(), pair.Second.CreateClient() };

        await Parallel.ForEachAsync(Enumerable.Range(0, Burst), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var response = await MetaBurst.PostAsync(clients[i % 2], pageId, leadgens[i]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });
        await MetaBurst.WaitProcessedAsync(pair.First, Burst, TimeSpan.FromSeconds(80));

        var names = await MetaBurst.LeadNamesAsync(pair.First, owner.TenantId);
        Assert.Equal(leadgens.Select(id => $"Lead {id}").Order(), names.Order());
        // Each item was worked on by one instance: Graph was asked for each lead once, not once per instance.
        var lookups = pair.Graph.Calls.Where(c => c.LeadgenId.StartsWith(pageId, StringComparison.Ordinal)).GroupBy(c => c.LeadgenId).ToList();
        Assert.Equal(Burst, lookups.Count);
        Assert.All(lookups, g => Assert.Single(g));
        await using var scoped = await MetaBurst.DbAsync(pair.Second);
        Assert.Equal(0, await scoped.Db.Inbox.CountAsync(i => i.ClaimedBy != null));
    }

    [Fact]
    public async Task Five_hundred_events_with_an_outbound_subscription_reach_the_receiver_exactly_once_each()
    {
        await using var receiver = new WebhookReceiver();
        var owner = await pair.Second.RegisterAsync();
        var hook = await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "lead.created" } })).ExpectAsync(HttpStatusCode.Created);
        var hookId = Guid.Parse((string)hook["id"]!);

        // Recorded in five commits, through both instances' contexts; both dispatchers and both deliverers then race for them.
        var eventIds = new List<Guid>();
        for (var chunk = 0; chunk < 5; chunk++)
        {
            await using var scoped = await MetaBurst.DbAsync(chunk % 2 == 0 ? pair.First : pair.Second);
            for (var i = 0; i < Burst / 5; i++) eventIds.Add(scoped.Db.Record(EventTypes.LeadCreated, owner.TenantId, null, new { n = chunk * 100 + i }, DateTime.UtcNow).Id);
            await scoped.Db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(80);
        while (receiver.Requests.Count < Burst && DateTime.UtcNow < deadline) await Task.Delay(200);
        await using (var scoped = await MetaBurst.DbAsync(pair.First))
        {
            var db = scoped.Db;
            while (await db.WebhookDeliveries.IgnoreQueryFilters().AnyAsync(d => d.SubscriptionId == hookId && d.Status == DeliveryStatus.Pending) && DateTime.UtcNow < deadline)
                await Task.Delay(200);
            var deliveries = await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.SubscriptionId == hookId).ToListAsync();
            Assert.Equal(Burst, deliveries.Count);
            Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Succeeded, 1, (string?)null), (d.Status, d.Attempts, d.ClaimedBy)));
            Assert.Equal(0, await db.Events.IgnoreQueryFilters().CountAsync(e => eventIds.Contains(e.Id) && e.DispatchedAt == null));
        }
        var ids = receiver.Requests.Select(r => r.Headers["webhook-id"]).ToList();
        Assert.Equal(eventIds.Select(id => "msg_" + id.ToString("N")).Order(), ids.Order());
    }
}
