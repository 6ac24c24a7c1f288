using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Identity;

/// <summary>
/// Walks every read endpoint of the OpenAPI document as a member whose role sees only their own leads (with every
/// capability, so nothing is skipped for lack of a right) and checks that another rep's lead never shows through:
/// not in events, audit entries, deliveries, inbox items, messages, conversations, activities or interactions.
/// A new endpoint is walked as soon as it is in the document.
/// </summary>
public abstract class OwnVisibilityWalkTests(InboundAndOutboundAppBase app)
{
    [Fact]
    public async Task A_rep_who_sees_only_their_own_leads_finds_no_trace_of_another_reps_lead_on_any_read_endpoint()
    {
        await using var receiver = new WebhookReceiver { Echo = true };
        var owner = await app.RegisterAsync();
        var webhook = await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "*" } })).ExpectAsync(HttpStatusCode.Created);
        var phoneNumberId = Random.Shared.NextInt64(7_000_000_000, 7_999_999_999).ToString();
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = "EAAG-walk" })).ExpectAsync(HttpStatusCode.OK);
        var zapierSecret = (string)(await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!;
        var everything = (await owner.GetJsonAsync("/api/v1/capabilities"))["items"]!.AsArray().Select(c => (string)c!["name"]!).Where(c => c != "tenants.manage").ToArray();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Own everything", capabilities = everything, visibility = "own" })).ExpectAsync(HttpStatusCode.Created);
        var rep = await owner.AddMemberAsync("Own everything");
        var other = await owner.AddMemberAsync("sales_rep");

        // The other rep's lead, with one of every kind of record about it, each carrying the marker.
        var marker = "Zqxmarker" + Guid.NewGuid().ToString("N")[..8];
        var digits = $"55119{Random.Shared.Next(10_000_000, 99_999_999)}";
        var email = $"{marker.ToLowerInvariant()}@walk.example";
        var theirs = (string)(await other.CreateLeadAsync(new { name = marker, phone = "+" + digits, email, company = marker + " Ltda" }))["id"]!;
        await (await other.Client.PostAsJsonAsync($"/api/v1/leads/{theirs}/interactions", new { type = "note", text = $"Nota {marker}" })).ExpectAsync(HttpStatusCode.Created);
        await (await other.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = theirs, type = "call", title = $"Ligar {marker}", due_at = DateTime.UtcNow.AddDays(1) })).ExpectAsync(HttpStatusCode.Created);
        await (await other.Client.PostAsJsonAsync("/api/v1/events", new { type = "custom.walk", payload = new { lead_id = theirs, note = marker } })).ExpectAsync(HttpStatusCode.Created);
        await app.SendTextAsync(phoneNumberId, digits, $"Oi, aqui é {marker}");
        var zapier = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = JsonContent.Create(new { name = marker, phone = "+" + digits, email }) };
        zapier.Headers.Add("X-Webhook-Secret", zapierSecret);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(zapier)).StatusCode);
        // The rep's own lead, so their lists are not simply empty.
        await rep.CreateLeadAsync(new { name = "Own lead of the rep", phone = LeadApi.Phone(Random.Shared.Next(1_000_000)) });

        await Eventually.GetAsync(owner, $"/api/v1/leads/{theirs}/messages", m => (int)m["total"]! >= 1);
        await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox", i => i["items"]!.AsArray().Count(x => (string?)x!["status"] == "processed") >= 2);
        await Eventually.GetAsync(owner, $"/api/v1/webhooks/{webhook["id"]}/deliveries?limit=200",
            d => d["items"]!.AsArray().Any(x => (string?)x!["status"] == "succeeded" && ((string?)x["last_response_excerpt"] ?? "").Contains(marker)));

        var urls = await ReadUrlsAsync(owner, theirs);
        // The walk must be able to see the marker at all: the owner (visibility all) finds it on the lists that carry it.
        var ownerSees = new List<string>();
        foreach (var url in urls)
        {
            var (_, body) = await ReadAsync(owner, url);
            if (body.Contains(marker) || body.Contains(digits)) ownerSees.Add(Regex.Replace(url, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"));
        }
        foreach (var expected in new[] { "/api/v1/events", "/api/v1/events/{id}", "/api/v1/audit-logs", "/api/v1/webhooks/inbox", "/api/v1/webhooks/{id}/deliveries",
                     "/api/v1/conversations", "/api/v1/activities", "/api/v1/leads/{id}/messages", "/api/v1/leads/{id}/interactions" })
            Assert.Contains(ownerSees, u => u.StartsWith(expected + "?", StringComparison.Ordinal) || u == expected);

        var leaks = new List<string>();
        foreach (var url in urls)
        {
            var (status, body) = await ReadAsync(rep, url);
            Assert.True(status < 500, $"{url} answered {status}: {body}");
            if (body.Contains(marker, StringComparison.OrdinalIgnoreCase) || body.Contains(digits[4..])) leaks.Add($"{url} ({status})");
        }
        Assert.True(leaks.Count == 0, "Another rep's lead shows through:\n" + string.Join("\n", leaks));
        Assert.True(urls.Count > 30, $"only {urls.Count} reads were walked");
    }

    /// <summary>
    /// Every GET of the OpenAPI document, with each path parameter filled by every id the owner can read of that
    /// kind (the path segment before the parameter: leads, events, webhooks, …), plus list variants filtered on the
    /// other rep's lead.
    /// </summary>
    private async Task<List<string>> ReadUrlsAsync(Session owner, string leadId)
    {
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var templates = doc["paths"]!.AsObject().Where(p => p.Value!["get"] is not null).Select(p => p.Key).ToList();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { ["leads"] = [leadId] };
        var urls = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            urls = templates.SelectMany(t => Expand(t, ids)).Distinct().ToList();
            foreach (var url in urls)
            {
                var (status, body) = await ReadAsync(owner, url);
                if (status == 200 && body.StartsWith('{')) Harvest(JsonNode.Parse(body), LastLiteral(url), ids);
            }
        }
        var lists = urls.Where(u => !u.Contains('?') && !u.Split('/').Any(s => Guid.TryParse(s, out _))).ToList();
        return [.. urls, .. lists.Select(u => $"{u}?lead_id=eq.{leadId}&limit=500"), .. lists.Select(u => $"{u}?lead_id={leadId}&window=all&include_done=true")];
    }

    /// <summary>The status and body; a streamed answer cut short (the export with a filter it rejects) reads as what arrived before the cut.</summary>
    private static async Task<(int Status, string Body)> ReadAsync(Session session, string url)
    {
        using var response = await session.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var body = new StringBuilder();
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var buffer = new char[8192];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0) body.Append(buffer, 0, read);
        }
        catch (IOException) { }
        catch (HttpRequestException) { }
        return ((int)response.StatusCode, body.ToString());
    }

    private static IEnumerable<string> Expand(string template, Dictionary<string, HashSet<string>> ids)
    {
        var segments = template.Trim('/').Split('/');
        IEnumerable<string> partial = [""];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.StartsWith('{'))
            {
                partial = partial.Select(p => p + "/" + segment).ToList();
                continue;
            }
            var kind = i > 0 ? segments[i - 1] : "";
            var values = ids.TryGetValue(kind, out var known) ? known.Take(20).ToList() : [];
            partial = partial.SelectMany(p => values.Select(v => p + "/" + v)).ToList();
        }
        return partial;
    }

    private static string LastLiteral(string url) =>
        url.Split('?')[0].Trim('/').Split('/').Last(s => !Guid.TryParse(s, out _));

    private static void Harvest(JsonNode? node, string kind, Dictionary<string, HashSet<string>> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["id"] is JsonValue id && Guid.TryParse(id.ToString(), out _)) Add(ids, kind, id.ToString());
                foreach (var (name, value) in obj) Harvest(value, name == "items" ? kind : name, ids);
                break;
            case JsonArray array:
                foreach (var item in array) Harvest(item, kind, ids);
                break;
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> ids, string kind, string id)
    {
        if (!ids.TryGetValue(kind, out var set)) ids[kind] = set = [];
        set.Add(id);
    }
}

public sealed class OwnVisibilityWalkTestsOnSqlite(InboundAndOutboundSqliteApp app) : OwnVisibilityWalkTests(app), IClassFixture<InboundAndOutboundSqliteApp>;

public sealed class OwnVisibilityWalkTestsOnPostgres(InboundAndOutboundPostgresApp app) : OwnVisibilityWalkTests(app), IClassFixture<InboundAndOutboundPostgresApp>;
