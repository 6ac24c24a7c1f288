using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Messaging;

/// <summary>Builds and posts WhatsApp Cloud API webhooks in Meta's real shape, signed with the WhatsApp app secret.</summary>
public static class WhatsAppWebhook
{
    private static long _counter = 5_521_000_000;

    /// <summary>A phone number id no workspace of this test run has connected yet.</summary>
    public static string NewPhoneNumberId() => Interlocked.Increment(ref _counter).ToString();

    /// <summary>A new workspace with a WhatsApp number connected (token <c>EAAG-{phone number id}</c>).</summary>
    public static async Task<(Session Owner, string PhoneNumberId)> ConnectAsync(InboundAppBase app)
    {
        var owner = await app.RegisterAsync();
        return (owner, await ConnectAsync(owner));
    }

    /// <summary>Connects a new WhatsApp number to <paramref name="owner"/>'s workspace; returns its phone number id.</summary>
    public static async Task<string> ConnectAsync(Session owner)
    {
        var phoneNumberId = NewPhoneNumberId();
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = $"EAAG-{phoneNumberId}", display_phone_number = "+55 11 4000-0000" })).ExpectAsync(HttpStatusCode.OK);
        return phoneNumberId;
    }

    /// <summary>Posts one signed inbound text message from <paramref name="from"/> (digits) with its profile name.</summary>
    public static Task SendTextAsync(InboundAppBase app, string phoneNumberId, string from, string text, string profileName, string? wamid = null) =>
        PostAsync(app, Payload(phoneNumberId, new JsonArray(Text(wamid ?? $"wamid.{Guid.NewGuid():N}", from, text)), contacts: Contact(from, profileName)));

    /// <summary>object=whatsapp_business_account with one entry and one <c>messages</c> change for the number.</summary>
    public static string Payload(string phoneNumberId, JsonArray? messages = null, JsonArray? statuses = null, JsonArray? contacts = null)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "551140000000", ["phone_number_id"] = phoneNumberId },
        };
        if (contacts is not null) value["contacts"] = contacts;
        if (messages is not null) value["messages"] = messages;
        if (statuses is not null) value["statuses"] = statuses;
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject { ["id"] = "102290129340398", ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }) }),
        }.ToJsonString();
    }

    public static JsonObject Text(string wamid, string from, string body) => new()
    {
        ["from"] = from, ["id"] = wamid, ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = "text", ["text"] = new JsonObject { ["body"] = body },
    };

    /// <summary>A message of any type: <c>{from, id, timestamp, type, [type]: content}</c>.</summary>
    public static JsonObject Message(string wamid, string from, string type, JsonNode? content) => new()
    {
        ["from"] = from, ["id"] = wamid, ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = type, [type] = content,
    };

    public static JsonObject Status(string wamid, string state, string recipient, long? at = null) => new()
    {
        ["id"] = wamid, ["status"] = state, ["timestamp"] = (at ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(), ["recipient_id"] = recipient,
    };

    public static JsonArray Contact(string waId, string name) => new(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = waId });

    public static async Task PostAsync(InboundAppBase app, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.WhatsAppSecret, bytes));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }

    /// <summary>A new customer writes once, so the workspace has a lead in the 24-hour window; returns the lead id and the customer's number.</summary>
    public static async Task<(string LeadId, string From)> CustomerWritesAsync(InboundAppBase app, Session owner, string phoneNumberId)
    {
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Text($"wamid.IN{from}{Guid.NewGuid():N}", from, "Oi")), contacts: Contact(from, "Cliente")));
        var leads = await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.%2B{from}", b => (int)b["total"]! == 1);
        var leadId = (string)leads["items"]![0]!["id"]!;
        await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => (int)b["total"]! == 1);
        return (leadId, from);
    }

    /// <summary>Waits until the workspace's inbox lists <paramref name="count"/> processed items (split requests list their items).</summary>
    public static Task<JsonNode> ProcessedAsync(Session owner, int count) =>
        Eventually.GetAsync(owner, "/api/v1/webhooks/inbox?limit=100", b => b["items"]!.AsArray().Count(i => (string?)i!["status"] == "processed") == count);
}
