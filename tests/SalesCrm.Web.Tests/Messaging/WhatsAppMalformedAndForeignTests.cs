using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;

namespace SalesCrm.Web.Tests.Messaging;

/// <summary>
/// WhatsApp items that are malformed fail at once naming their path, items that match nothing are ignored, and a
/// sender can only touch their own conversation.
/// </summary>
public abstract class WhatsAppMalformedAndForeignTests(InboundAppBase app)
{
    [Theory]
    [InlineData("null message", "entry[0].changes[0].value.messages[0]: is null")]
    [InlineData("null status", "entry[0].changes[0].value.statuses[0]: is null")]
    [InlineData("text message", "entry[0].changes[0].value.messages[0]: is not an object (string)")]
    [InlineData("null reaction", "entry[0].changes[0].value.messages[0].reaction: is null")]
    [InlineData("reaction without message_id", "entry[0].changes[0].value.messages[0].reaction.message_id: is missing")]
    [InlineData("message without id", "entry[0].changes[0].value.messages[0].id: is missing")]
    [InlineData("sender not a phone", "entry[0].changes[0].value.messages[0].from: 'abc' is not a phone number.")]
    [InlineData("text without body", "entry[0].changes[0].value.messages[0].text.body: is missing")]
    [InlineData("location without numbers", "entry[0].changes[0].value.messages[0].location: has no numeric latitude and longitude")]
    [InlineData("image without id", "entry[0].changes[0].value.messages[0].image.id: is missing")]
    public async Task A_malformed_item_fails_at_once_with_an_error_naming_its_path(string fault, string error)
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        var reaction = Message($"wamid.R{from}", from, "reaction", null);
        var noTarget = Message($"wamid.R{from}", from, "reaction", new JsonObject { ["emoji"] = "👍" });
        var noId = Text("x", from, "sem id");
        noId.Remove("id");
        var body = fault switch
        {
            "null message" => Payload(phoneNumberId, new JsonArray((JsonNode?)null)),
            "null status" => Payload(phoneNumberId, statuses: new JsonArray((JsonNode?)null)),
            "text message" => Payload(phoneNumberId, new JsonArray("oi")),
            "null reaction" => Payload(phoneNumberId, new JsonArray(reaction)),
            "reaction without message_id" => Payload(phoneNumberId, new JsonArray(noTarget)),
            "sender not a phone" => Payload(phoneNumberId, new JsonArray(Text($"wamid.X{from}", "abc", "oi"))),
            "text without body" => Payload(phoneNumberId, new JsonArray(Message($"wamid.T{from}", from, "text", null))),
            "location without numbers" => Payload(phoneNumberId, new JsonArray(Message($"wamid.L{from}", from, "location", new JsonObject { ["latitude"] = "abc", ["longitude"] = "-46.6" }))),
            "image without id" => Payload(phoneNumberId, new JsonArray(Message($"wamid.I{from}", from, "image", new JsonObject { ["caption"] = "foto" }))),
            _ => Payload(phoneNumberId, new JsonArray(noId)),
        };
        await PostAsync(app, body);

        var item = (await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox", b => b["items"]!.AsArray().Any(i => (string?)i!["status"] == "failed")))["items"]![0]!;
        Assert.Equal(("failed", 1, error), ((string?)item["status"], (int)item["attempts"]!, (string?)item["last_error"]));
    }

    [Fact]
    public async Task A_status_without_an_id_is_ignored_and_the_statuses_next_to_it_apply()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var sent = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Oi!" })).ExpectAsync(HttpStatusCode.Created);
        var noId = Status("x", "delivered", from);
        noId.Remove("id");
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(noId, Status((string)sent["provider_message_id"]!, "read", from))));

        // One processed item for the customer's first message, the split request and its two statuses.
        var inbox = await ProcessedAsync(owner, 3);
        Assert.DoesNotContain(inbox["items"]!.AsArray(), i => (string?)i!["status"] != "processed");
        Assert.Equal("read", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["status"]);
    }

    [Fact]
    public async Task A_reaction_to_a_message_in_another_leads_conversation_is_ignored()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, customer) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var target = (string)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["provider_message_id"]!;
        const string stranger = "558599887766";
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Text($"wamid.S{Guid.NewGuid():N}", stranger, "Oi")), contacts: Contact(stranger, "Outro")));
        await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 2);

        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Message($"wamid.R{Guid.NewGuid():N}", stranger, "reaction", new JsonObject { ["message_id"] = target, ["emoji"] = "😡" }))));
        await ProcessedAsync(owner, 3);
        Assert.Null((await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["reaction"]);

        // The customer's own reaction to it still applies.
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Message($"wamid.R{Guid.NewGuid():N}", customer, "reaction", new JsonObject { ["message_id"] = target, ["emoji"] = "👍" }))));
        await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => (string?)b["items"]![0]!["reaction"] == "👍");
    }

    [Theory]
    [InlineData("read")]
    [InlineData("delivered")]
    public async Task A_failed_status_after_delivered_or_read_keeps_the_message_delivered_or_read(string reached)
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var sent = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Chegou?" })).ExpectAsync(HttpStatusCode.Created);
        var wamid = (string)sent["provider_message_id"]!;
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(wamid, reached, from))));
        await ProcessedAsync(owner, 2);
        var failed = Status(wamid, "failed", from);
        failed["errors"] = new JsonArray(new JsonObject { ["code"] = 131026, ["title"] = "Message undeliverable" });
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(failed)));
        await ProcessedAsync(owner, 3);

        var message = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!;
        Assert.Equal((reached, null), ((string?)message["status"], (string?)message["error"]));
    }

    [Fact]
    public async Task A_sender_without_a_profile_name_is_named_and_shown_by_the_national_phone()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Text($"wamid.N{Guid.NewGuid():N}", "5585999887766", "Oi, sem nome"))));

        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        Assert.Equal(("(85) 99988-7766", "+5585999887766"), ((string?)lead["name"], (string?)lead["phone"]));
        var timeline = await Eventually.GetAsync(owner, $"/api/v1/leads/{lead["id"]}/interactions", b => b["items"]!.AsArray().Any(i => (string?)i!["type"] == "whatsapp"));
        Assert.Equal("(85) 99988-7766", (string?)timeline["items"]!.AsArray().First(i => (string?)i!["type"] == "whatsapp")!["author_name"]);
    }
}

public sealed class WhatsAppMalformedAndForeignTestsOnSqlite(InboundSqliteApp app) : WhatsAppMalformedAndForeignTests(app), IClassFixture<InboundSqliteApp>;

public sealed class WhatsAppMalformedAndForeignTestsOnPostgres(InboundPostgresApp app) : WhatsAppMalformedAndForeignTests(app), IClassFixture<InboundPostgresApp>;
