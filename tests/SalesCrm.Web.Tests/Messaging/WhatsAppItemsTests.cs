using System.Text.Json.Nodes;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;

namespace SalesCrm.Web.Tests.Messaging;

/// <summary>Each message of a WhatsApp request stands on its own, and each Cloud API message type is handled as what it is.</summary>
public abstract class WhatsAppItemsTests(InboundAppBase app)
{
    [Fact]
    public async Task A_valid_message_next_to_an_invalid_one_in_one_request_is_applied_and_only_the_invalid_one_fails()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        var invalid = new JsonObject { ["id"] = $"wamid.BAD{from}", ["timestamp"] = "1764072000", ["type"] = "text", ["text"] = new JsonObject { ["body"] = "sem remetente" } };
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(invalid, Text($"wamid.OK{from}", from, "Quero um orçamento")), contacts: Contact(from, "Vera Válida")));

        var lead = (await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.%2B{from}", b => (int)b["total"]! == 1))["items"]![0]!;
        Assert.Equal("Vera Válida", (string?)lead["name"]);
        var messages = await Eventually.GetAsync(owner, $"/api/v1/leads/{lead["id"]}/messages", b => (int)b["total"]! == 1);
        Assert.Equal("Quero um orçamento", (string?)messages["items"]![0]!["text"]);
        var items = (await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox", b => b["items"]!.AsArray().Any(i => (int)i!["attempts"]! >= 1)))["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        var bad = items.Single(i => (int?)i!["part"] == 0)!;
        // A message without a sender stays so: it fails at once, naming where, rather than being retried.
        Assert.Equal(("failed", 1), ((string?)bad["status"], (int)bad["attempts"]!));
        Assert.Equal("entry[0].changes[0].value.messages[0].from: is missing", (string?)bad["last_error"]);
        Assert.Contains($"wamid.BAD{from}", (string?)bad["body_excerpt"]);
        Assert.DoesNotContain($"wamid.OK{from}", (string?)bad["body_excerpt"]);
        var good = items.Single(i => (int?)i!["part"] == 1)!;
        Assert.Equal("processed", (string?)good["status"]);
        Assert.Equal((string?)bad["parent_id"], (string?)good["parent_id"]);
    }

    [Fact]
    public async Task A_reaction_and_its_removal_attach_to_the_message_without_a_new_message_unread_or_event()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        await owner.Client.PostAsync($"/api/v1/leads/{leadId}/messages/read", null);
        var reply = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Temos horário às 15h" })).ExpectAsync(System.Net.HttpStatusCode.Created);
        var wamid = (string)reply["provider_message_id"]!;
        var unreadBefore = (int)(await owner.GetJsonAsync("/api/v1/conversations"))["items"]![0]!["unread_count"]!;

        JsonObject Reaction(string id, string? emoji) => Message(id, from, "reaction", emoji is null ? new JsonObject { ["message_id"] = wamid } : new JsonObject { ["message_id"] = wamid, ["emoji"] = emoji });
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Reaction($"wamid.R1{from}", "👍")), contacts: Contact(from, "Cliente")));
        var messages = await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => b["items"]!.AsArray().Any(m => (string?)m!["reaction"] == "👍"));
        Assert.Equal(2, (int)messages["total"]!);
        Assert.Equal(wamid, (string?)messages["items"]!.AsArray().Single(m => (string?)m!["reaction"] == "👍")!["provider_message_id"]);
        var conversation = (await owner.GetJsonAsync("/api/v1/conversations"))["items"]![0]!;
        Assert.Equal("Temos horário às 15h", (string?)conversation["last_message"]!["text"]);
        Assert.Equal(unreadBefore, (int)conversation["unread_count"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/events?type=eq.whatsapp.received"))["total"]!);

        // Removing it: WhatsApp sends the reaction again without an emoji (or with an empty one).
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Reaction($"wamid.R2{from}", null))));
        await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => b["items"]!.AsArray().All(m => m!["reaction"] is null));
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Reaction($"wamid.R3{from}", "❤️"))));
        await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => b["items"]!.AsArray().Any(m => (string?)m!["reaction"] == "❤️"));
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Reaction($"wamid.R4{from}", ""))));
        await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => b["items"]!.AsArray().All(m => m!["reaction"] is null));
        Assert.Equal(2, (int)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/events?type=eq.whatsapp.received"))["total"]!);
    }

    [Fact]
    public async Task Non_customer_types_are_handled_as_what_they_are_and_customer_ones_become_messages()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var system = Message($"wamid.SYS{from}", from, "system", new JsonObject { ["body"] = $"User Cliente changed from {from} to 5511900001111", ["type"] = "user_changed_number", ["wa_id"] = "5511900001111" });
        var welcome = Message($"wamid.WEL{from}", from, "request_welcome", new JsonObject());
        var unsupported = Message($"wamid.UNS{from}", from, "unsupported", null);
        unsupported.Remove("unsupported");
        unsupported["errors"] = new JsonArray(new JsonObject { ["code"] = 131051, ["title"] = "Message type unknown", ["message"] = "Message type unknown" });
        var ephemeral = Message($"wamid.EPH{from}", from, "ephemeral", null);
        var order = Message($"wamid.ORD{from}", from, "order", new JsonObject
        {
            ["catalog_id"] = "1234", ["text"] = "Entregar à tarde",
            ["product_items"] = new JsonArray(new JsonObject { ["product_retailer_id"] = "SOFA-3L", ["quantity"] = 1, ["item_price"] = 2500, ["currency"] = "BRL" }),
        });
        var contacts = Message($"wamid.CON{from}", from, "contacts", null);
        contacts.Remove("contacts");
        contacts["contacts"] = new JsonArray(new JsonObject { ["name"] = new JsonObject { ["formatted_name"] = "Rita Indicação" }, ["phones"] = new JsonArray(new JsonObject { ["phone"] = "+55 11 98888-1234" }) });
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(system, welcome, unsupported, ephemeral, order, contacts), contacts: Contact(from, "Cliente")));

        await ProcessedAsync(owner, 1 + 6);
        var messages = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages?limit=50"))["items"]!.AsArray();
        var byId = messages.ToDictionary(m => (string)m!["provider_message_id"]!, m => m!);
        Assert.False(byId.ContainsKey($"wamid.SYS{from}")); // a notice, not a message
        Assert.False(byId.ContainsKey($"wamid.WEL{from}")); // nothing to keep
        Assert.Equal(("unsupported", "(unsupported: Message type unknown)"), ((string?)byId[$"wamid.UNS{from}"]["type"], (string?)byId[$"wamid.UNS{from}"]["text"]));
        Assert.Equal("unsupported", (string?)byId[$"wamid.EPH{from}"]["type"]);
        Assert.Equal(("order", "1 × SOFA-3L (2500 BRL)\nEntregar à tarde"), ((string?)byId[$"wamid.ORD{from}"]["type"], (string?)byId[$"wamid.ORD{from}"]["text"]));
        Assert.Equal(("contacts", "Rita Indicação (+55 11 98888-1234)"), ((string?)byId[$"wamid.CON{from}"]["type"], (string?)byId[$"wamid.CON{from}"]["text"]));
        Assert.Equal(5, messages.Count); // the first "Oi" and four customer messages
        var notes = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/interactions?type=note"))["items"]!.AsArray();
        Assert.Contains(notes, n => ((string?)n!["text"])!.Contains("changed from"));
        Assert.Equal(5, (int)(await owner.GetJsonAsync("/api/v1/events?type=eq.whatsapp.received"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task A_system_notice_from_an_unknown_number_creates_no_lead()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await PostAsync(app, Payload(phoneNumberId, new JsonArray(Message($"wamid.SYSX{from}", from, "system", new JsonObject { ["body"] = "User changed number", ["type"] = "user_changed_number" }))));
        await ProcessedAsync(owner, 1);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }
}

public sealed class WhatsAppItemsTestsOnSqlite(InboundSqliteApp app) : WhatsAppItemsTests(app), IClassFixture<InboundSqliteApp>;

public sealed class WhatsAppItemsTestsOnPostgres(InboundPostgresApp app) : WhatsAppItemsTests(app), IClassFixture<InboundPostgresApp>;
