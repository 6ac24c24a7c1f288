using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Tests.Infrastructure;
using MetaSignature = SalesCrm.Web.Features.Inbox.MetaSignature;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Signed Meta Lead Ads webhooks (one leadgen each) for the scale-out tests, and what became of them.</summary>
public static class MetaBurst
{
    public static IEnumerable<KeyValuePair<string, string?>> Settings(GraphStub graph, string instance, int leaseSeconds = 60) =>
    [
        new("Meta:AppSecret", InboundAppBase.MetaSecret), new("Meta:VerifyToken", InboundAppBase.MetaVerify), new("Meta:GraphBaseUrl", graph.BaseUrl),
        new("RateLimits:WebhookPermitsPerMinute", "1000000"), new("RateLimits:ApiPermitsPerMinute", "1000000"),
        new("Scale:Claims:Instance", instance), new("Scale:Claims:LeaseSeconds", leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. WebhookAppBase.FastRetries,
    ];

    public static string NewPageId() => "7" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);

    public static async Task ConnectPageAsync(Session owner, string pageId) =>
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = $"EAAB-token-{pageId}" } } }))
            .ExpectAsync(HttpStatusCode.OK);

    public static string Body(string pageId, string leadgenId) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = pageId,
            ["time"] = 1764072000,
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "leadgen",
                ["value"] = new JsonObject { ["ad_id"] = "120210000000001", ["form_id"] = "880000000001", ["leadgen_id"] = leadgenId, ["created_time"] = 1764072000, ["page_id"] = pageId },
            }),
        }),
    }.ToJsonString();

    /// <summary>Posts one signed webhook as Meta does (<c>X-Hub-Signature-256</c> over the raw body).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageId, string leadgenId)
    {
        var bytes = Encoding.UTF8.GetBytes(Body(pageId, leadgenId));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/meta-leads") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.MetaSecret, bytes));
        return await client.SendAsync(request);
    }

    public static Task<ScopedDb> DbAsync(CrmAppFactory app) => ScopedDb.OpenAsync(app);

    /// <summary>Waits until no Meta inbox row is pending and <paramref name="expected"/> have been processed.</summary>
    public static async Task WaitProcessedAsync(CrmAppFactory app, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var scoped = await DbAsync(app);
            var counts = await scoped.Db.Inbox.Where(i => i.Provider == InboxProvider.MetaLeads).GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var processed = counts.Where(c => c.Key == InboxStatus.Processed).Sum(c => c.Count);
            var pending = counts.Where(c => c.Key == InboxStatus.Pending).Sum(c => c.Count);
            if (processed >= expected && pending == 0) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Inbox not drained: {string.Join(", ", counts.Select(c => $"{c.Key}={c.Count}"))}");
            await Task.Delay(250);
        }
    }

    /// <summary>The names of the tenant's leads, one entry per lead.</summary>
    public static async Task<List<string>> LeadNamesAsync(CrmAppFactory app, Guid tenantId)
    {
        await using var scoped = await DbAsync(app);
        return await scoped.Db.Leads.IgnoreQueryFilters().Where(l => l.TenantId == tenantId).Select(l => l.Name).ToListAsync();
    }
}
