using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;

namespace SalesCrm.Web.Tests.Messaging;

public abstract class WhatsAppTests(InboundAppBase app)
{
    // Payloads in Meta's real shape come from the one builder the WhatsApp tests share.
    private Task<(Session Owner, string PhoneNumberId)> ConnectAsync() => WhatsAppWebhook.ConnectAsync(app);

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret = InboundAppBase.WhatsAppSecret, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null || secret is not null) request.Headers.Add("X-Hub-Signature-256", signature ?? MetaSignature.Sign(secret!, bytes));
        return await app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_message_to_a_number_before_it_was_connected_reaches_the_conversation_when_the_number_is_connected()
    {
        var owner = await app.RegisterAsync();
        var phoneNumberId = NewPhoneNumberId();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Payload(phoneNumberId, new JsonArray(Text("wamid.EARLY1", "5511944443333", "Chegou cedo")), contacts: Contact("5511944443333", "Bia Cedo")))).StatusCode);
        await app.FailUnroutedAsync($"WhatsApp number {phoneNumberId} is not connected");

        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = "EAAG-late" })).ExpectAsync(HttpStatusCode.OK);

        var conversations = await Eventually.GetAsync(owner, "/api/v1/conversations", c => (int)c["total"]! == 1);
        var leadId = (string?)conversations["items"]![0]!["lead_id"];
        var messages = await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages");
        Assert.Equal("Chegou cedo", (string?)messages["items"]![0]!["text"]);
        Assert.Equal("Bia Cedo", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}"))["name"]);
    }

    [Fact]
    public async Task The_whatsapp_handshake_uses_its_own_verify_token()
    {
        var client = app.CreateClient();
        var ok = await client.GetAsync($"/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={InboundAppBase.WhatsAppVerify}&hub.challenge=42");
        Assert.Equal("42", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={InboundAppBase.MetaVerify}&hub.challenge=42")).StatusCode);
    }

    [Fact]
    public async Task Signatures_are_checked_with_the_whatsapp_app_secret()
    {
        var body = Payload("1", new JsonArray(Text("wamid.X", "5511999990000", "oi")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body, InboundAppBase.MetaSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body, secret: null)).StatusCode);
        var signature = MetaSignature.Sign(InboundAppBase.WhatsAppSecret, Encoding.UTF8.GetBytes(body));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body.Replace("oi", "tchau"), signature: signature)).StatusCode);
    }

    [Fact]
    public async Task A_message_from_a_new_number_creates_the_lead_and_lands_in_its_conversation_once()
    {
        var (owner, phoneNumberId) = await ConnectAsync();
        var wamid = $"wamid.HBgN{Guid.NewGuid():N}";
        var body = Payload(phoneNumberId, new JsonArray(Text(wamid, "5511988887777", "Olá, quero saber o preço")), contacts: Contact("5511988887777", "Paula Nunes"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        var leads = await Eventually.GetAsync(owner, "/api/v1/leads?phone=eq.%2B5511988887777", b => (int)b["total"]! == 1);
        var lead = leads["items"]![0]!;
        Assert.Equal("Paula Nunes", (string?)lead["name"]);
        Assert.Equal("whatsapp", (string?)lead["source"]);
        var id = (string)lead["id"]!;
        var messages = await Eventually.GetAsync(owner, $"/api/v1/leads/{id}/messages", b => (int)b["total"]! == 1);
        var message = messages["items"]![0]!;
        Assert.Equal("inbound", (string?)message["direction"]);
        Assert.Equal("Olá, quero saber o preço", (string?)message["text"]);
        Assert.Equal(wamid, (string?)message["provider_message_id"]);
        var timeline = (await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions?type=whatsapp"))["items"]!.AsArray();
        Assert.Contains("Olá, quero saber o preço", timeline.Select(i => (string?)i!["text"]));
        await Eventually.GetAsync(owner, "/api/v1/events?type=eq.whatsapp.received", b => (int)b["total"]! == 1);

        // The same delivery again changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox", b => b["items"]!.AsArray().Count(i => (string?)i!["status"] == "processed") == 2);
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/leads/{id}/messages"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task Several_entries_route_by_phone_number_id_and_media_types_are_kept()
    {
        var (alice, aliceNumber) = await ConnectAsync();
        var (bob, bobNumber) = await ConnectAsync();
        var image = new JsonObject { ["from"] = "5521977776666", ["id"] = "wamid.IMG1" + aliceNumber, ["timestamp"] = "1764072000", ["type"] = "image", ["image"] = new JsonObject { ["caption"] = "Foto da sala", ["mime_type"] = "image/jpeg", ["id"] = "1234567890" } };
        var location = new JsonObject { ["from"] = "5521977776666", ["id"] = "wamid.LOC1" + aliceNumber, ["timestamp"] = "1764072060", ["type"] = "location", ["location"] = new JsonObject { ["latitude"] = -22.97, ["longitude"] = -43.18, ["name"] = "Copacabana" } };
        var button = new JsonObject { ["from"] = "5531966665555", ["id"] = "wamid.BTN1" + bobNumber, ["timestamp"] = "1764072000", ["type"] = "interactive", ["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "yes", ["title"] = "Quero agendar" } } };
        var body = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(
                JsonNode.Parse(Payload(aliceNumber, new JsonArray(image, location)))!["entry"]![0]!.DeepClone(),
                JsonNode.Parse(Payload(bobNumber, new JsonArray(button)))!["entry"]![0]!.DeepClone()),
        }.ToJsonString();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        var aliceLead = (await Eventually.GetAsync(alice, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        var aliceMessages = await Eventually.GetAsync(alice, $"/api/v1/leads/{aliceLead["id"]}/messages", b => (int)b["total"]! == 2);
        Assert.Equal(["location", "image"], aliceMessages["items"]!.AsArray().Select(m => (string?)m!["type"]));
        Assert.Equal(-22.97, (double)aliceMessages["items"]![0]!["latitude"]!);
        Assert.Equal("image/jpeg", (string?)aliceMessages["items"]![1]!["media_mime_type"]);
        var bobLead = (await Eventually.GetAsync(bob, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        var bobMessages = await Eventually.GetAsync(bob, $"/api/v1/leads/{bobLead["id"]}/messages", b => (int)b["total"]! == 1);
        Assert.Equal("Quero agendar", (string?)bobMessages["items"]![0]!["text"]);
    }

    [Fact]
    public async Task Media_is_fetched_from_the_cloud_api_once_and_then_served_from_storage()
    {
        var (owner, phoneNumberId) = await ConnectAsync();
        var mediaId = $"MEDIA{Guid.NewGuid():N}";
        var bytes = Enumerable.Range(0, 2048).Select(i => (byte)(i * 7)).ToArray();
        app.Graph.Media[mediaId] = (bytes, "image/jpeg");
        var image = new JsonObject { ["from"] = "5521911112222", ["id"] = $"wamid.{mediaId}", ["timestamp"] = "1764072000", ["type"] = "image", ["image"] = new JsonObject { ["caption"] = "Planta", ["mime_type"] = "image/jpeg", ["id"] = mediaId } };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Payload(phoneNumberId, new JsonArray(image)))).StatusCode);
        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        var message = (await Eventually.GetAsync(owner, $"/api/v1/leads/{lead["id"]}/messages", b => (int)b["total"]! == 1))["items"]![0]!;
        var before = app.Graph.MediaDownloads;
        for (var i = 0; i < 2; i++)
        {
            var response = await owner.Client.GetAsync($"/api/v1/leads/{lead["id"]}/messages/{message["id"]}/media");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(before + 1, app.Graph.MediaDownloads);
        var other = await app.RegisterAsync();
        await (await other.Client.GetAsync($"/api/v1/leads/{lead["id"]}/messages/{message["id"]}/media")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_reply_inside_the_window_goes_through_the_cloud_api_and_statuses_only_move_forward_skipping_unknown_ones()
    {
        var (owner, phoneNumberId) = await ConnectAsync();
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Payload(phoneNumberId, new JsonArray(Text($"wamid.IN{from}", from, "Bom dia")), contacts: Contact(from, "Cliente")))).StatusCode);
        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        var id = (string)lead["id"]!;
        await Eventually.GetAsync(owner, $"/api/v1/leads/{id}/messages", b => (int)b["total"]! == 1);

        var sent = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/messages", new { text = "Bom dia! Como posso ajudar?" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("sent", (string?)sent["status"]);
        var wamid = (string)sent["provider_message_id"]!;
        var call = app.Graph.Sent.Last(s => s.PhoneNumberId == phoneNumberId);
        Assert.Equal($"Bearer EAAG-{phoneNumberId}", call.Authorization);
        var sentBody = JsonNode.Parse(call.Body)!;
        Assert.Equal(from, (string?)sentBody["to"]);
        Assert.Equal("Bom dia! Como posso ajudar?", (string?)sentBody["text"]!["body"]);

        JsonObject Status(string state, long at) => new() { ["id"] = wamid, ["status"] = state, ["timestamp"] = at.ToString(), ["recipient_id"] = from };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Payload(phoneNumberId, statuses: new JsonArray(Status("deleted", now), Status("delivered", now), Status("read", now + 5))))).StatusCode);
        await Eventually.GetAsync(owner, $"/api/v1/leads/{id}/messages", b => b["items"]!.AsArray().Any(m => (string?)m!["provider_message_id"] == wamid && (string?)m["status"] == "read"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Payload(phoneNumberId, statuses: new JsonArray(Status("sent", now - 5))))).StatusCode);
        // The request with three statuses was split: each status is an inbox item of its own (1 + 3 + 1).
        await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox", b => b["items"]!.AsArray().Count(i => (string?)i!["status"] == "processed") == 5);
        var messages = await owner.GetJsonAsync($"/api/v1/leads/{id}/messages");
        Assert.Equal("read", (string?)messages["items"]!.AsArray().First(m => (string?)m!["provider_message_id"] == wamid)!["status"]);
        await Eventually.GetAsync(owner, "/api/v1/events?type=eq.whatsapp.sent", b => (int)b["total"]! == 1);
    }

    [Fact]
    public async Task An_answer_in_the_same_second_as_our_reply_comes_after_it_in_the_chat_and_the_inbox()
    {
        var (owner, phoneNumberId) = await ConnectAsync();
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Payload(phoneNumberId, new JsonArray(Text($"wamid.Q{from}", from, "Tem horário hoje?")), contacts: Contact(from, "Rápida")))).StatusCode);
        var id = (string)(await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!["id"]!;
        await Eventually.GetAsync(owner, $"/api/v1/leads/{id}/messages", b => (int)b["total"]! == 1);
        var reply = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/messages", new { text = "Tenho às 15h" })).ExpectAsync(HttpStatusCode.Created);

        // WhatsApp stamps the customer's answer with whole seconds: the same second as our reply.
        var second = DateTimeOffset.Parse((string)reply["created_at"]!).ToUnixTimeSeconds();
        var answer = new JsonObject { ["from"] = from, ["id"] = $"wamid.A{from}", ["timestamp"] = second.ToString(), ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Fechado!" } };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Payload(phoneNumberId, new JsonArray(answer)))).StatusCode);

        var messages = await Eventually.GetAsync(owner, $"/api/v1/leads/{id}/messages", b => (int)b["total"]! == 3);
        Assert.Equal(["Fechado!", "Tenho às 15h", "Tem horário hoje?"], messages["items"]!.AsArray().Select(m => (string?)m!["text"])); // newest first
        var conversation = (await owner.GetJsonAsync("/api/v1/conversations"))["items"]![0]!;
        Assert.Equal("Fechado!", (string?)conversation["last_message"]!["text"]);
    }

    [Fact]
    public async Task Free_text_outside_the_24_hour_window_is_refused_and_provider_errors_are_kept()
    {
        var (owner, phoneNumberId) = await ConnectAsync();
        var cold = await owner.CreateLeadAsync(new { name = "Frio", phone = "+5511977001100" });
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{cold["id"]}/messages", new { text = "Oi" })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{cold["id"]}/messages", new { text = "" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(0, (int)(await owner.GetJsonAsync($"/api/v1/leads/{cold["id"]}/messages"))["total"]!);
        _ = phoneNumberId;
    }
}

public sealed class WhatsAppTestsOnSqlite(InboundSqliteApp app) : WhatsAppTests(app), IClassFixture<InboundSqliteApp>;

public sealed class WhatsAppTestsOnPostgres(InboundPostgresApp app) : WhatsAppTests(app), IClassFixture<InboundPostgresApp>;
