using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>
/// The doors a lead comes in by, other than <c>POST /leads</c> and WhatsApp (<see cref="Messaging.WhatsAppWebhook"/>):
/// Meta Lead Ads, Zapier and the CSV import, each as its sender really calls it.
/// </summary>
public static class InboundDoors
{
    private static long _pages = 4_100_000_000;

    /// <summary>Connects a new Meta page to <paramref name="owner"/>'s workspace (token <c>EAAB-{page id}</c>); returns the page id.</summary>
    public static async Task<string> ConnectMetaPageAsync(Session owner)
    {
        var pageId = $"41{Interlocked.Increment(ref _pages)}";
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = $"EAAB-{pageId}" } } })).ExpectAsync(HttpStatusCode.OK);
        return pageId;
    }

    /// <summary>Posts Meta's signed <c>leadgen</c> notification for one lead of the page; Graph's answers come from <c>app.Graph.Leads</c>.</summary>
    public static async Task PostLeadgenAsync(this InboundAppBase app, string pageId, string leadgenId)
    {
        var body = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = pageId, ["time"] = 1764072000,
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "leadgen", ["value"] = new JsonObject { ["leadgen_id"] = leadgenId, ["page_id"] = pageId, ["form_id"] = "880000000001" } }),
            }),
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/meta-leads") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.MetaSecret, bytes));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }

    /// <summary>A new Zapier secret for <paramref name="owner"/>'s workspace (the previous one stops working).</summary>
    public static async Task<string> ZapierSecretAsync(Session owner) =>
        (string)(await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!;

    /// <summary>A new workspace with a Zapier secret.</summary>
    public static async Task<(Session Owner, string Secret)> ZapierWorkspaceAsync(this InboundAppBase app)
    {
        var owner = await app.RegisterAsync();
        return (owner, await ZapierSecretAsync(owner));
    }

    /// <summary>Posts <paramref name="content"/> to the Zapier receiver with the secret; returns the answer.</summary>
    public static async Task<HttpResponseMessage> PostZapierAsync(this InboundAppBase app, string secret, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = content };
        request.Headers.Add("X-Webhook-Secret", secret);
        return await app.CreateClient().SendAsync(request);
    }

    /// <summary>Posts <paramref name="body"/> as JSON to the Zapier receiver and expects it acknowledged.</summary>
    public static async Task SendZapierAsync(this InboundAppBase app, string secret, object body) =>
        Assert.Equal(HttpStatusCode.OK, (await app.PostZapierAsync(secret, JsonContent.Create(body))).StatusCode);

    /// <summary>Imports <paramref name="csv"/> (UTF-8) and returns the report.</summary>
    public static async Task<JsonNode> ImportCsvAsync(Session owner, string csv)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "leads.csv" } };
        return await (await owner.Client.PostAsync("/api/v1/leads/import", form)).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>The workspace's lead named exactly <paramref name="name"/>, once the inbox has made it.</summary>
    public static async Task<JsonNode> LeadNamedAsync(Session owner, string name) =>
        (await Eventually.GetAsync(owner, $"/api/v1/leads?name=eq.{Uri.EscapeDataString(name)}", b => (int)b["total"]! > 0))["items"]![0]!;
}
