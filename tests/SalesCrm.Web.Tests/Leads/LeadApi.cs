using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>Test-data helpers for leads: a tenant's stages by name and quick lead creation.</summary>
public static class LeadApi
{
    public static async Task<Dictionary<string, string>> StagesAsync(this Session session)
    {
        var pipelines = await (await session.Client.GetAsync("/api/v1/pipelines")).ExpectAsync(HttpStatusCode.OK);
        return pipelines["items"]![0]!["stages"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string)s!["id"]!);
    }

    public static async Task<JsonNode> CreateLeadAsync(this Session session, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await session.Client.PostAsJsonAsync("/api/v1/leads", body)).ExpectAsync(expected);

    public static async Task<JsonNode> GetJsonAsync(this Session session, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await session.Client.GetAsync(url)).ExpectAsync(expected);

    /// <summary>A client of the workspace's new API key with <c>leads.read</c> and <c>leads.write</c> (no user: round-robin assigns its leads).</summary>
    public static async Task<HttpClient> LeadsApiKeyClientAsync(this Session owner, string name)
    {
        var key = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name, scopes = new[] { "leads.write", "leads.read" } })).ExpectAsync(HttpStatusCode.Created);
        var client = owner.App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (string)key["key"]!);
        return client;
    }

    public static string Phone(int n) => $"+55119{8765_0000 + n % 10_000_000:D8}";
}
