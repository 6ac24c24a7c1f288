using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;

namespace SalesCrm.Web.Tests.Messaging;

/// <summary>WhatsApp delivery statuses as a state machine: arrival order, repeats and early arrivals do not matter.</summary>
public abstract class WhatsAppStatusTests(InboundAppBase app)
{
    private async Task<JsonNode> SendAsync(Session owner, string leadId, string text) =>
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text })).ExpectAsync(HttpStatusCode.Created);

    private static async Task<string?> StatusOfAsync(Session owner, string leadId, string messageId) =>
        (string?)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages?limit=50"))["items"]!.AsArray().Single(m => (string?)m!["id"] == messageId)!["status"];

    [Fact]
    public async Task A_sent_after_failed_does_not_revive_the_message_and_a_retry_still_sends_it()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var sent = await SendAsync(owner, leadId, "Segue a proposta");
        var (id, wamid) = ((string)sent["id"]!, (string)sent["provider_message_id"]!);
        var failed = Status(wamid, "failed", from);
        failed["errors"] = new JsonArray(new JsonObject { ["code"] = 131026, ["title"] = "Message undeliverable" });
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(failed)));
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(wamid, "sent", from))));
        await ProcessedAsync(owner, 3);
        Assert.Equal("failed", await StatusOfAsync(owner, leadId, id));

        var retried = await (await owner.Client.PostAsync($"/api/v1/leads/{leadId}/messages/{id}/retry", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("sent", (string?)retried["status"]);
        var again = (string)retried["provider_message_id"]!;
        Assert.NotEqual(wamid, again);
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(again, "delivered", from))));
        await ProcessedAsync(owner, 4);
        Assert.Equal("delivered", await StatusOfAsync(owner, leadId, id));
    }

    [Fact]
    public async Task Read_and_delivered_in_either_order_end_read_and_a_repeated_status_publishes_no_second_event()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var bus = app.Services.GetRequiredService<ICrmEventBus>();
        var seen = new ConcurrentQueue<CrmEvent>();
        var sentinel = Guid.NewGuid().ToString();
        using var subscription = bus.Subscribe(e =>
        {
            if (e.LeadId.ToString() == leadId && (e.Type == "whatsapp.status" || e.Payload == sentinel)) seen.Enqueue(e);
            return Task.CompletedTask;
        });
        var first = await SendAsync(owner, leadId, "Primeira");
        var second = await SendAsync(owner, leadId, "Segunda");
        var (w1, w2) = ((string)first["provider_message_id"]!, (string)second["provider_message_id"]!);

        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(w1, "read", from))));
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(w1, "delivered", from))));
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(w2, "delivered", from))));
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(w2, "read", from))));
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(w2, "read", from)))); // Meta repeats itself
        await ProcessedAsync(owner, 6);
        Assert.Equal("read", await StatusOfAsync(owner, leadId, (string)first["id"]!));
        Assert.Equal("read", await StatusOfAsync(owner, leadId, (string)second["id"]!));

        // Events reach a subscriber in order: once the sentinel is seen, every status event before it has been.
        bus.Publish([new CrmEvent { TenantId = Guid.Empty, LeadId = Guid.Parse(leadId), Type = "test.sentinel", Payload = sentinel, OccurredAt = DateTime.UtcNow }]);
        await Eventually.TrueAsync(() => seen.Any(e => e.Payload == sentinel));
        var statusEvents = seen.Where(e => e.Type == "whatsapp.status").ToList();
        Assert.Equal(3, statusEvents.Count); // w1 read; w2 delivered, read
        Assert.Single(statusEvents, e => e.Payload!.Contains((string)first["id"]!));
    }

    [Fact]
    public async Task A_status_that_arrives_before_the_send_call_returns_is_applied_when_the_message_gets_its_id()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var wamid = $"wamid.EARLY{Guid.NewGuid():N}";
        app.Graph.NextWamids.Enqueue(wamid);
        app.Graph.BeforeSendAnswer = async id =>
        {
            // The Cloud API is slow to answer our send; meanwhile the message is delivered and the webhook processed.
            await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(id, "delivered", from))));
            await ProcessedAsync(owner, 2);
        };
        try
        {
            var sent = await SendAsync(owner, leadId, "Resposta lenta");
            Assert.Equal(wamid, (string?)sent["provider_message_id"]);
            Assert.Equal("delivered", (string?)sent["status"]);
            Assert.Equal("delivered", await StatusOfAsync(owner, leadId, (string)sent["id"]!));
        }
        finally
        {
            app.Graph.BeforeSendAnswer = null;
        }
        // Later statuses keep moving it along.
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status(wamid, "read", from))));
        await ProcessedAsync(owner, 3);
        Assert.Equal("read", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["status"]);
    }

    [Fact]
    public async Task A_send_is_recorded_sending_before_whatsapp_answers_and_a_lead_edited_meanwhile_keeps_the_sent_message()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, _) = await CustomerWritesAsync(app, owner, phoneNumberId);
        string? seenWhileSending = null;
        app.Graph.BeforeSendAnswer = async _ =>
        {
            // While the Cloud API holds our send, the message is already on the lead, and a rep edits the lead (its version moves).
            var items = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]!.AsArray();
            seenWhileSending = (string?)items.Single(m => (string?)m!["text"] == "Já registrada")!["status"];
            await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{leadId}", new { company = "Editada Durante o Envio" })).ExpectAsync(HttpStatusCode.OK);
        };
        JsonNode sent;
        try
        {
            sent = await SendAsync(owner, leadId, "Já registrada");
        }
        finally
        {
            app.Graph.BeforeSendAnswer = null;
        }
        Assert.Equal("sending", seenWhileSending);
        Assert.Equal("sent", (string?)sent["status"]);
        Assert.Equal("sent", await StatusOfAsync(owner, leadId, (string)sent["id"]!));
        Assert.Equal("Editada Durante o Envio", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}"))["company"]);
    }

    [Fact]
    public async Task The_composer_window_closes_24_hours_after_the_customer_wrote_and_names_the_variables_the_lead_fills()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, _) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var written = (DateTime)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["created_at"]!;
        var silent = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Ana Souza", company = "Acme" })).ExpectAsync(HttpStatusCode.Created);
        await using var scope = app.Services.GetRequiredService<IActorScopeFactory>().Create(new FixedCurrentUser(owner.TenantId, owner.UserId));
        var outbound = scope.ServiceProvider.GetRequiredService<OutboundMessageService>();

        var open = await outbound.WindowAsync(Guid.Parse(leadId));
        Assert.True(open.CanSendFreeText);
        Assert.Equal(written.ToUniversalTime().AddHours(24), open.ClosesAt);
        Assert.Equal(["first_name", "lead_name", "value"], open.LeadVariables); // no company, no owner: a composer asks for those

        var never = await outbound.WindowAsync(Guid.Parse((string)silent["id"]!));
        Assert.False(never.CanSendFreeText);
        Assert.Null(never.ClosesAt);
        Assert.Contains("company", never.LeadVariables);
    }

    [Fact]
    public async Task Statuses_for_message_ids_we_never_sent_are_ignored_without_failing_anything()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var inbound = (string)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["provider_message_id"]!;
        await PostAsync(app, Payload(phoneNumberId, statuses: new JsonArray(Status($"wamid.NEVER{Guid.NewGuid():N}", "delivered", from), Status(inbound, "read", from))));
        var items = (await ProcessedAsync(owner, 3))["items"]!.AsArray();
        Assert.All(items, i => Assert.Null((string?)i!["last_error"]));
        Assert.Equal("received", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["status"]);
    }
}

public sealed class WhatsAppStatusTestsOnSqlite(InboundSqliteApp app) : WhatsAppStatusTests(app), IClassFixture<InboundSqliteApp>;

public sealed class WhatsAppStatusTestsOnPostgres(InboundPostgresApp app) : WhatsAppStatusTests(app), IClassFixture<InboundPostgresApp>;
