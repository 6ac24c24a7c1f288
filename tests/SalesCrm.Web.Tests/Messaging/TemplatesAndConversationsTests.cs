using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Messaging;

public abstract class TemplatesAndConversationsTests(InboundAppBase app)
{
    private static Task<string> ConnectAsync(Session owner) => WhatsAppWebhook.ConnectAsync(owner);

    private async Task<JsonNode> TemplateAsync(Session owner, string body = "Olá {{first_name}}, seu orçamento de {{produto}} está pronto!", string status = "approved") =>
        await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = $"orcamento_{Guid.NewGuid():N}"[..20], category = "utility", language = "pt_BR", body, status })).ExpectAsync(HttpStatusCode.Created);

    private Task InboundAsync(string phoneNumberId, string from, string text) => WhatsAppWebhook.SendTextAsync(app, phoneNumberId, from, text, $"Contato {from[^4..]}");

    [Fact]
    public async Task Templates_are_managed_per_tenant_and_validated()
    {
        var owner = await app.RegisterAsync();
        var template = await TemplateAsync(owner);
        Assert.Equal(["first_name", "produto"], template["variables"]!.AsArray().Select(v => (string?)v));
        var dup = await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = (string)template["name"]!, language = "pt_BR", body = "x" });
        await dup.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        var bad = await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = "Com Espaço", language = "portuguese", body = "" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        foreach (var field in new[] { "name", "language", "body" }) Assert.NotNull(bad["errors"]![field]);
        var updated = await (await owner.Client.PutAsJsonAsync($"/api/v1/templates/{template["id"]}", new { body = "Oi {{lead_name}}!", status = "pending" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("pending", (string?)updated["status"]);
        var other = await app.RegisterAsync();
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/templates"))["total"]!);
        await (await other.Client.DeleteAsync($"/api/v1/templates/{template["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var rep = await owner.AddMemberAsync("sales_rep");
        await rep.GetJsonAsync("/api/v1/templates");
        await (await rep.Client.PostAsJsonAsync("/api/v1/templates", new { name = "x", body = "y" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await owner.Client.DeleteAsync($"/api/v1/templates/{template["id"]}")).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_template_reaches_a_cold_lead_with_its_variables_and_counts_replies()
    {
        var owner = await app.RegisterAsync();
        var phoneNumberId = await ConnectAsync(owner);
        var template = await TemplateAsync(owner);
        var phone = $"55119{Random.Shared.Next(60000000, 99999999)}";
        var lead = await owner.CreateLeadAsync(new { name = "Marcos Prado", phone = "+" + phone });
        var id = (string)lead["id"]!;
        var missing = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/messages", new { template_id = template["id"] })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("produto", (string?)missing["errors"]!["variables"]![0]);

        var sent = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/messages", new { template_id = template["id"], variables = new { produto = "cozinha planejada" } })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("sent", (string?)sent["status"]);
        Assert.Equal("template", (string?)sent["type"]);
        Assert.Equal("Olá Marcos, seu orçamento de cozinha planejada está pronto!", (string?)sent["text"]);
        var call = JsonNode.Parse(app.Graph.Sent.Last(s => s.PhoneNumberId == phoneNumberId).Body)!;
        Assert.Equal("template", (string?)call["type"]);
        Assert.Equal((string?)template["name"], (string?)call["template"]!["name"]);
        Assert.Equal("pt_BR", (string?)call["template"]!["language"]!["code"]);
        Assert.Equal(["Marcos", "cozinha planejada"], call["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => (string?)p!["text"]));

        await InboundAsync(phoneNumberId, phone, "Obrigado! Quando podemos conversar?");
        var stats = await Eventually.GetAsync(owner, $"/api/v1/templates/{template["id"]}/stats", s => (int)s["replied"]! == 1);
        Assert.Equal(1, (int)stats["sent"]!);
        Assert.Equal(1.0, (double)stats["reply_rate"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/templates"))["items"]![0]!["usage_count"]!);

        var pending = await TemplateAsync(owner, "Oi {{lead_name}}", "pending");
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/messages", new { template_id = pending["id"] })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Every_message_in_either_direction_is_a_timeline_entry_announced_like_a_note()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var (leadId, _) = await WhatsAppWebhook.CustomerWritesAsync(app, owner, phoneNumberId);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Olá! Como posso ajudar?" })).ExpectAsync(HttpStatusCode.Created);

        var timeline = await owner.GetJsonAsync($"/api/v1/leads/{leadId}/interactions");
        Assert.Equal(["Olá! Como posso ajudar?", "Oi"], timeline["items"]!.AsArray().Where(i => (string?)i!["type"] == "whatsapp").Select(i => (string?)i!["text"]));
        // interaction.created, as for a note: boards, hub clients and webhooks learn of the lead's new version.
        var created = await owner.GetJsonAsync($"/api/v1/events?type=eq.interaction.created&lead_id=eq.{leadId}&order=occurred_at.asc");
        Assert.Equal(["whatsapp", "whatsapp"], created["items"]!.AsArray().Select(e => (string?)e!["payload"]!["type"]));
        var lead = await owner.GetJsonAsync($"/api/v1/leads/{leadId}");
        Assert.Equal((int)lead["version"]!, (int)created["items"]![1]!["payload"]!["version"]!);
        Assert.Equal(2, (int)lead["interaction_count"]!);
    }

    [Fact]
    public async Task Without_a_connected_number_messages_are_queued_and_sent_on_retry_once_connected()
    {
        var owner = await app.RegisterAsync();
        var template = await TemplateAsync(owner, "Oi {{lead_name}}!");
        var lead = await owner.CreateLeadAsync(new { name = "Fila", phone = "+5511966001100" });
        var queued = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{lead["id"]}/messages", new { template_id = template["id"] })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("queued", (string?)queued["status"]);
        Assert.Null(queued["provider_message_id"]);
        await ConnectAsync(owner);
        var retried = await (await owner.Client.PostAsync($"/api/v1/leads/{lead["id"]}/messages/{queued["id"]}/retry", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("sent", (string?)retried["status"]);
        await (await owner.Client.PostAsync($"/api/v1/leads/{lead["id"]}/messages/{queued["id"]}/retry", null)).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task A_provider_error_is_shown_and_the_send_can_be_retried()
    {
        var owner = await app.RegisterAsync();
        await ConnectAsync(owner);
        var template = await TemplateAsync(owner, "Oi {{lead_name}}!");
        var lead = await owner.CreateLeadAsync(new { name = "Falha", phone = "+5511966002200" });
        app.Graph.FailSends = true;
        try
        {
            var failed = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{lead["id"]}/messages", new { template_id = template["id"] })).ExpectAsync(HttpStatusCode.Created);
            Assert.Equal("failed", (string?)failed["status"]);
            Assert.Contains("131047", (string?)failed["error"]);
            app.Graph.FailSends = false;
            var retried = await (await owner.Client.PostAsync($"/api/v1/leads/{lead["id"]}/messages/{failed["id"]}/retry", null)).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("sent", (string?)retried["status"]);
            Assert.Null(retried["error"]);
        }
        finally
        {
            app.Graph.FailSends = false;
        }
    }

    [Fact]
    public async Task Conversations_list_the_latest_message_and_unread_count_per_lead()
    {
        var owner = await app.RegisterAsync();
        var phoneNumberId = await ConnectAsync(owner);
        var a = $"55219{Random.Shared.Next(60000000, 99999999)}";
        var b = $"55319{Random.Shared.Next(60000000, 99999999)}";
        await InboundAsync(phoneNumberId, a, "primeira de A");
        await InboundAsync(phoneNumberId, a, "segunda de A");
        await Eventually.GetAsync(owner, "/api/v1/conversations", c => (int)c["total"]! == 1 && (int)c["items"]![0]!["unread_count"]! == 2);
        await InboundAsync(phoneNumberId, b, "oi de B");
        var conversations = await Eventually.GetAsync(owner, "/api/v1/conversations", c => (int)c["total"]! == 2);
        var items = conversations["items"]!.AsArray();
        Assert.Equal("oi de B", (string?)items[0]!["last_message"]!["text"]);
        Assert.Equal(2, (int)items.Single(i => (string?)i!["phone"] == "+" + a)!["unread_count"]!);
        var leadA = (string)items.Single(i => (string?)i!["phone"] == "+" + a)!["lead_id"]!;
        var read = await (await owner.Client.PostAsync($"/api/v1/leads/{leadA}/messages/read", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)read["marked"]!);
        var after = await owner.GetJsonAsync("/api/v1/conversations");
        Assert.Equal(0, (int)after["items"]!.AsArray().Single(i => (string?)i!["lead_id"] == leadA)!["unread_count"]!);
        var other = await app.RegisterAsync();
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/conversations"))["total"]!);
    }

    [Fact]
    public async Task The_unread_count_for_the_menu_badge_stops_at_the_cap_asked_for()
    {
        var owner = await app.RegisterAsync();
        var phoneNumberId = await ConnectAsync(owner);
        var a = $"55219{Random.Shared.Next(60000000, 99999999)}";
        foreach (var text in new[] { "um", "dois", "três" }) await InboundAsync(phoneNumberId, a, text);
        await Eventually.GetAsync(owner, "/api/v1/conversations", c => (int)c["total"]! == 1 && (int)c["items"]![0]!["unread_count"]! == 3);
        Assert.Equal(3, await owner.AsMemberAsync(s => s.GetRequiredService<ConversationService>().UnreadCountAsync()));
        Assert.Equal(2, await owner.AsMemberAsync(s => s.GetRequiredService<ConversationService>().UnreadCountAsync(atMost: 2)));
        Assert.Equal(3, await owner.AsMemberAsync(s => s.GetRequiredService<ConversationService>().UnreadCountAsync(atMost: 100)));
    }
}

public sealed class TemplatesAndConversationsTestsOnSqlite(InboundSqliteApp app) : TemplatesAndConversationsTests(app), IClassFixture<InboundSqliteApp>;

public sealed class TemplatesAndConversationsTestsOnPostgres(InboundPostgresApp app) : TemplatesAndConversationsTests(app), IClassFixture<InboundPostgresApp>;
