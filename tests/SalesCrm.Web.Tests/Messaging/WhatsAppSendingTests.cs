using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;

namespace SalesCrm.Web.Tests.Messaging;

/// <summary>Sending from the CRM: parallel sends, sends in flight, odd answers of the Cloud API, and media it no longer has.</summary>
public abstract class WhatsAppSendingTests(InboundAppBase app)
{
    [Theory]
    [InlineData(8)]
    [InlineData(20)]
    public async Task Parallel_sends_to_one_lead_all_succeed_and_reach_whatsapp_once_each(int count)
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, _) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = $"par{count}send {i}" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var stored = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages?limit=100"))["items"]!.AsArray().Where(m => (string?)m!["direction"] == "outbound").ToList();
        Assert.Equal(count, stored.Count);
        Assert.All(stored, m => Assert.Equal("sent", (string?)m!["status"]));
        Assert.Equal(count, stored.Select(m => (string?)m!["provider_message_id"]).Distinct().Count(id => id is not null));
        Assert.Equal(count, app.Graph.Sent.Count(s => s.PhoneNumberId == phoneNumberId));
    }

    [Fact]
    public async Task A_message_waiting_for_whatsapps_answer_is_sending_and_a_retry_meanwhile_is_refused()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, _) = await CustomerWritesAsync(app, owner, phoneNumberId);
        (string? Status, HttpStatusCode Retry)? meanwhile = null;
        app.Graph.BeforeSendAnswer = async _ =>
        {
            var waiting = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]!.AsArray().Single(m => (string?)m!["text"] == "Em voo")!;
            var retry = await owner.Client.PostAsync($"/api/v1/leads/{leadId}/messages/{waiting["id"]}/retry", null);
            meanwhile = ((string?)waiting["status"], retry.StatusCode);
        };
        JsonNode sent;
        try
        {
            sent = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Em voo" })).ExpectAsync(HttpStatusCode.Created);
        }
        finally
        {
            app.Graph.BeforeSendAnswer = null;
        }
        Assert.Equal(("sending", HttpStatusCode.Conflict), meanwhile);
        Assert.Equal("sent", (string?)sent["status"]);
        Assert.Equal(1, app.Graph.Sent.Count(s => s.PhoneNumberId == phoneNumberId && s.Body.Contains("Em voo")));
        // Once answered, it is sent, and a retry of a sent message stays refused.
        await (await owner.Client.PostAsync($"/api/v1/leads/{leadId}/messages/{sent["id"]}/retry", null)).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(1, app.Graph.Sent.Count(s => s.PhoneNumberId == phoneNumberId && s.Body.Contains("Em voo")));
    }

    [Fact]
    public async Task A_message_id_the_cloud_api_gives_twice_records_both_sends_without_a_server_error()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, _) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var wamid = $"wamid.DUP{Guid.NewGuid():N}";
        app.Graph.NextWamids.Enqueue(wamid);
        app.Graph.NextWamids.Enqueue(wamid);
        var first = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Primeira" })).ExpectAsync(HttpStatusCode.Created);
        var second = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Segunda" })).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal((wamid, "sent"), ((string?)first["provider_message_id"], (string?)first["status"]));
        Assert.Equal((null, "sent"), ((string?)second["provider_message_id"], (string?)second["status"]));
        Assert.Contains(wamid, (string?)second["error"]);
        var stored = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]!.AsArray();
        Assert.Equal(["Segunda", "Primeira"], stored.Where(m => (string?)m!["direction"] == "outbound").Select(m => (string?)m!["text"]));
        Assert.Equal(2, (int)(await owner.GetJsonAsync("/api/v1/events?type=eq.whatsapp.sent"))["total"]!);
    }

    [Theory]
    [InlineData("sticker", 404, HttpStatusCode.NotFound, "MEDIA_UNAVAILABLE")]
    [InlineData("video", 410, HttpStatusCode.NotFound, "MEDIA_UNAVAILABLE")]
    [InlineData("image", 403, HttpStatusCode.BadGateway, "PROVIDER_ERROR")]
    public async Task Media_whatsapp_no_longer_has_is_a_404_and_other_provider_failures_a_502(string type, int graphStatus, HttpStatusCode expected, string code)
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var mediaId = $"GONE{Guid.NewGuid():N}";
        app.Graph.MediaErrors[mediaId] = graphStatus;
        var from = $"55859{Random.Shared.Next(60000000, 99999999)}";
        var media = Message($"wamid.{mediaId}", from, type, new JsonObject { ["mime_type"] = type == "video" ? "video/mp4" : "image/webp", ["id"] = mediaId });
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(media), contacts: Contact(from, "Mídia")));
        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        var message = (await Eventually.GetAsync(owner, $"/api/v1/leads/{lead["id"]}/messages", b => (int)b["total"]! == 1))["items"]![0]!;

        await (await owner.Client.GetAsync($"/api/v1/leads/{lead["id"]}/messages/{message["id"]}/media")).ExpectProblemAsync(expected, code);
        var after = (await owner.GetJsonAsync($"/api/v1/leads/{lead["id"]}/messages"))["items"]![0]!;
        // Expired media is noted on the message, so the conversation shows its placeholder; a passing provider failure is not.
        Assert.Equal(graphStatus is 404 or 410 ? "media_unavailable" : null, (string?)after["error"]);
    }
}

public sealed class WhatsAppSendingTestsOnSqlite(InboundSqliteApp app) : WhatsAppSendingTests(app), IClassFixture<InboundSqliteApp>;

public sealed class WhatsAppSendingTestsOnPostgres(InboundPostgresApp app) : WhatsAppSendingTests(app), IClassFixture<InboundPostgresApp>;
