using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Tests.Infrastructure;
using MetaSignature = SalesCrm.Web.Features.Inbox.MetaSignature;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>
/// The <c>Idempotency-Key</c> header on POST writes (leads, interactions, messages, activities, events), and the
/// internal webhook idempotency key that a public body must not reach.
/// </summary>
public abstract class IdempotencyKeyTests(InboundAndOutboundAppBase app)
{
    private static async Task<HttpResponseMessage> PostAsync(Session session, string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await session.Client.SendAsync(request);
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_answer_on_every_idempotent_write()
    {
        var owner = await app.RegisterAsync();
        var phoneNumberId = Random.Shared.NextInt64(6_000_000_000, 6_999_999_999).ToString();
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = "EAAG-idem" })).ExpectAsync(HttpStatusCode.OK);
        var template = await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = $"boas_vindas_{Guid.NewGuid():N}"[..20], category = "utility", language = "pt_BR", body = "Olá {{first_name}}!", status = "approved" })).ExpectAsync(HttpStatusCode.Created);
        var leadKey = NewKey();
        var leadBody = new { name = "Idempotente", phone = LeadApi.Phone(Random.Shared.Next(1_000_000)) };
        var first = await PostAsync(owner, "/api/v1/leads", leadBody, leadKey);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var lead = (string)JsonNode.Parse(firstBody)!["id"]!;

        var writes = new (string Url, object Body)[]
        {
            ("/api/v1/leads", leadBody),
            ($"/api/v1/leads/{lead}/interactions", new { type = "note", text = "Uma vez só" }),
            ("/api/v1/activities", new { lead_id = lead, type = "call", title = "Ligar uma vez", due_at = DateTime.UtcNow.AddDays(1) }),
            ("/api/v1/events", new { type = "custom.once", payload = new { n = 1 }, lead_id = lead }),
            ($"/api/v1/leads/{lead}/messages", new { template_id = (string)template["id"]! }),
        };
        foreach (var (url, body) in writes)
        {
            var key = url == "/api/v1/leads" ? leadKey : NewKey();
            var answer = url == "/api/v1/leads" ? first : await PostAsync(owner, url, body, key);
            var text = url == "/api/v1/leads" ? firstBody : await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{url}: {(int)answer.StatusCode} {text}");
            var replay = await PostAsync(owner, url, body, key);
            Assert.Equal(answer.StatusCode, replay.StatusCode);
            Assert.Equal(text, await replay.Content.ReadAsStringAsync());
            Assert.Equal(answer.Headers.Location, replay.Headers.Location);
            Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.False(answer.Headers.Contains("Idempotent-Replayed"));
        }
        // Each write happened once.
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
        Assert.Equal(1, (await owner.GetJsonAsync($"/api/v1/leads/{lead}/interactions"))["items"]!.AsArray().Count(i => (string?)i!["text"] == "Uma vez só"));
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/activities?lead_id={lead}&window=all"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/events?type=eq.custom.once"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/leads/{lead}/messages"))["total"]!);
        Assert.Single(app.Graph.Sent, s => s.PhoneNumberId == phoneNumberId);
        // Without the header nothing is remembered: the same body twice is two writes.
        await (await PostAsync(owner, $"/api/v1/leads/{lead}/interactions", new { type = "note", text = "Duas vezes" }, null)).ExpectAsync(HttpStatusCode.Created);
        await (await PostAsync(owner, $"/api/v1/leads/{lead}/interactions", new { type = "note", text = "Duas vezes" }, null)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, (await owner.GetJsonAsync($"/api/v1/leads/{lead}/interactions"))["items"]!.AsArray().Count(i => (string?)i!["text"] == "Duas vezes"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_409_IDEMPOTENCY_KEY_REUSED()
    {
        var owner = await app.RegisterAsync();
        var key = NewKey();
        await (await PostAsync(owner, "/api/v1/leads", new { name = "Primeiro" }, key)).ExpectAsync(HttpStatusCode.Created);
        var reused = await (await PostAsync(owner, "/api/v1/leads", new { name = "Segundo" }, key)).ExpectProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        Assert.DoesNotContain("Primeiro", reused.ToJsonString());
        var lead = (string)(await owner.GetJsonAsync("/api/v1/leads"))["items"]![0]!["id"]!;
        await (await PostAsync(owner, $"/api/v1/leads/{lead}/interactions", new { type = "note", text = "Primeiro" }, key)).ExpectProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        Assert.Equal(["Primeiro"], (await owner.GetJsonAsync("/api/v1/leads"))["items"]!.AsArray().Select(l => (string?)l!["name"]));
    }

    [Fact]
    public async Task A_multipart_note_is_recognised_by_its_body_so_another_note_with_the_same_key_is_409()
    {
        // The form is read by the input guard before the endpoint; the key must still see the body bytes.
        var owner = await app.RegisterAsync();
        var lead = (string)(await (await PostAsync(owner, "/api/v1/leads", new { name = "Com anexo" }, null)).ExpectAsync(HttpStatusCode.Created))["id"]!;
        var key = NewKey();
        HttpRequestMessage Note(string text)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead}/interactions")
            {
                Content = new MultipartFormDataContent { { new StringContent("note"), "type" }, { new StringContent(text), "text" } },
            };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }
        var first = await owner.Client.SendAsync(Note("Primeira nota"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replay = await owner.Client.SendAsync(Note("Primeira nota"));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await (await owner.Client.SendAsync(Note("Outra nota"))).ExpectProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        var notes = (await owner.GetJsonAsync($"/api/v1/leads/{lead}/interactions"))["items"]!.AsArray().Select(i => (string?)i!["text"]).ToList();
        Assert.Single(notes, n => n == "Primeira nota");
        Assert.DoesNotContain("Outra nota", notes);
    }

    [Fact]
    public async Task Keys_belong_to_one_workspace_and_one_caller()
    {
        var owner = await app.RegisterAsync();
        var colleague = await owner.AddMemberAsync("manager");
        var stranger = await app.RegisterAsync();
        var key = NewKey();
        await (await PostAsync(owner, "/api/v1/leads", new { name = "Do dono" }, key)).ExpectAsync(HttpStatusCode.Created);
        var elsewhere = await (await PostAsync(stranger, "/api/v1/leads", new { name = "De outro workspace" }, key)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("De outro workspace", (string?)elsewhere["name"]);
        var sameBodyElsewhere = await PostAsync(stranger, "/api/v1/leads", new { name = "Do dono" }, key);
        Assert.Equal(HttpStatusCode.Conflict, sameBodyElsewhere.StatusCode);
        var byColleague = await (await PostAsync(colleague, "/api/v1/leads", new { name = "Do colega", email = "colega@x.com" }, key)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Do colega", (string?)byColleague["name"]);
        Assert.Equal(2, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
        Assert.Equal(["De outro workspace"], (await stranger.GetJsonAsync("/api/v1/leads"))["items"]!.AsArray().Select(l => (string?)l!["name"]));
    }

    [Fact]
    public async Task A_failed_write_does_not_keep_its_key_and_a_malformed_key_is_400()
    {
        var owner = await app.RegisterAsync();
        var key = NewKey();
        await (await PostAsync(owner, "/api/v1/leads", new { name = "" }, key)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await PostAsync(owner, "/api/v1/leads", new { name = "Corrigido" }, key)).ExpectAsync(HttpStatusCode.Created);
        var bad = await (await PostAsync(owner, "/api/v1/leads", new { name = "X" }, new string('k', 201))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(bad["errors"]!.AsObject(), e => e.Key.Contains("idempotency", StringComparison.OrdinalIgnoreCase));
        await (await PostAsync(owner, "/api/v1/leads", new { name = "X" }, "com espaço")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_lead_body_cannot_carry_the_internal_idempotency_key_so_another_workspace_cannot_skip_an_inbound_lead()
    {
        var victim = await app.RegisterAsync();
        var pageId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();
        await (await victim.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = $"EAAB-{pageId}" } } })).ExpectAsync(HttpStatusCode.OK);
        var leadgen = $"77{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Lead da vítima", ["phone_number"] = LeadApi.Phone(Random.Shared.Next(1_000_000)) };

        // Another workspace's client sends the key Meta's lead will use, twice: both are plain new leads, and no 409 tells it the key exists.
        var attacker = await app.RegisterAsync();
        await attacker.CreateLeadAsync(new { name = "Sonda 1", idempotency_key = $"meta:leadgen:{leadgen}" });
        await attacker.CreateLeadAsync(new { name = "Sonda 2", idempotency_key = $"meta:leadgen:{leadgen}" });

        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = pageId, ["time"] = 1764072000,
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "leadgen", ["value"] = new JsonObject { ["leadgen_id"] = leadgen, ["page_id"] = pageId, ["form_id"] = "1" } }),
            }),
        }.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/meta-leads") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.MetaSecret, body));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        var arrived = await Eventually.GetAsync(victim, "/api/v1/leads?source=eq.meta_ads", l => (int)l["total"]! == 1);
        Assert.Equal("Lead da vítima", (string?)arrived["items"]![0]!["name"]);
    }

    [Fact]
    public async Task A_key_whose_first_request_is_still_running_is_409_IDEMPOTENCY_KEY_IN_PROGRESS()
    {
        var owner = await app.RegisterAsync();
        var key = NewKey();
        await using (var first = app.Services.GetRequiredService<IActorScopeFactory>().Create(new FixedCurrentUser(owner.TenantId, owner.UserId)))
        {
            // The first request has claimed the key and not answered yet.
            await first.ServiceProvider.GetRequiredService<IdempotencyStore>().BeginAsync(key, "fingerprint-of-another-body");
        }
        await (await PostAsync(owner, "/api/v1/leads", new { name = "Enquanto isso" }, key)).ExpectProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        await using (var second = app.Services.GetRequiredService<IActorScopeFactory>().Create(new FixedCurrentUser(owner.TenantId, owner.UserId)))
        {
            var error = await Assert.ThrowsAsync<ConflictException>(() => second.ServiceProvider.GetRequiredService<IdempotencyStore>().BeginAsync(key, "fingerprint-of-another-body"));
            Assert.Equal(ErrorCodes.IdempotencyKeyInProgress, error.Code);
        }
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task An_inbound_key_processed_in_one_workspace_does_not_skip_the_same_key_in_another()
    {
        const string key = "meta:leadgen:123456789";
        foreach (var name in new[] { "Lead do primeiro", "Lead do segundo" })
        {
            var owner = await app.RegisterAsync();
            await using var scope = app.Services.GetRequiredService<IActorScopeFactory>().Create(FixedCurrentUser.Internal(owner.TenantId, ActorType.Webhook, "Meta Lead Ads"));
            var leads = scope.ServiceProvider.GetRequiredService<LeadService>();
            await leads.CaptureAsync(new LeadInput { Name = name, IdempotencyKey = key });
            await Assert.ThrowsAsync<ConflictException>(() => leads.CaptureAsync(new LeadInput { Name = name + " (replay)", IdempotencyKey = key }));
            Assert.Equal([name], (await owner.GetJsonAsync("/api/v1/leads"))["items"]!.AsArray().Select(l => (string?)l!["name"]));
        }
    }

    [Fact]
    public async Task No_public_request_body_has_an_internal_field_and_idempotent_writes_document_the_header()
    {
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var schemas = doc["components"]?["schemas"]?.AsObject();
        // Signing in may name the workspace to enter (membership is checked); no other body may carry a tenant.
        var internals = new[] { "idempotency_key", "tenant_id", "version", "row_version", "processed_at" };
        var offending = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (_, media) in operation?["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    foreach (var field in Properties(media!["schema"], schemas, 0))
                        if (internals.Contains(field) && !(field == "tenant_id" && path.StartsWith("/api/v1/auth/", StringComparison.Ordinal))) offending.Add($"{method.ToUpperInvariant()} {path}: {field}");
                }
            }
        }
        Assert.True(offending.Count == 0, string.Join("\n", offending));
        foreach (var path in new[] { "/api/v1/leads", "/api/v1/leads/{id}/interactions", "/api/v1/leads/{id}/messages", "/api/v1/activities", "/api/v1/events" })
        {
            var parameters = doc["paths"]![path]!["post"]!["parameters"]?.AsArray() ?? [];
            Assert.Contains(parameters, p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header");
        }
    }

    /// <summary>Property names of a schema, following <c>$ref</c>s and composition a few levels deep.</summary>
    private static IEnumerable<string> Properties(JsonNode? schema, JsonObject? components, int depth)
    {
        if (schema is null || depth > 4) yield break;
        if ((string?)schema["$ref"] is { } reference && components?[reference.Split('/').Last()] is { } target)
        {
            foreach (var p in Properties(target, components, depth + 1)) yield return p;
            yield break;
        }
        foreach (var (name, value) in schema["properties"]?.AsObject() ?? [])
        {
            yield return name;
            foreach (var p in Properties(value, components, depth + 1)) yield return p;
        }
        foreach (var part in new[] { "allOf", "anyOf", "oneOf" })
            foreach (var sub in schema[part]?.AsArray() ?? [])
                foreach (var p in Properties(sub, components, depth + 1)) yield return p;
        foreach (var p in Properties(schema["items"], components, depth + 1)) yield return p;
    }
}

public sealed class IdempotencyKeyTestsOnSqlite(InboundAndOutboundSqliteApp app) : IdempotencyKeyTests(app), IClassFixture<InboundAndOutboundSqliteApp>;

public sealed class IdempotencyKeyTestsOnPostgres(InboundAndOutboundPostgresApp app) : IdempotencyKeyTests(app), IClassFixture<InboundAndOutboundPostgresApp>;
