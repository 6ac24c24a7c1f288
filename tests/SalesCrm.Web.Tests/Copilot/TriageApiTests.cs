using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Data;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>Inbound triage on both databases: stored with each WhatsApp message, sortable in the inbox, exposed by /copilot/analyze, backfilled.</summary>
public abstract class TriageApiTests(InboundAppBase app)
{
    [Fact]
    public async Task Analyze_returns_sentiment_urgency_and_intent_from_the_offline_rules()
    {
        var owner = await app.RegisterAsync();
        var body = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/analyze", new { text = "PRODUTO VEIO QUEBRADO!!! quero meu dinheiro de volta" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("negative", "high", "complaint", "lexicon"), ((string?)body["sentiment"], (string?)body["urgency"], (string?)body["intent"], (string?)body["provider"]));
        var price = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/analyze", new { text = "tá caro, meu cunhado instala mais barato" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("price_objection", (string?)price["intent"]);
    }

    [Fact]
    public async Task Analyze_refuses_empty_or_oversized_text_and_callers_without_the_copilot()
    {
        var owner = await app.RegisterAsync();
        foreach (var text in new[] { "", "   ", new string('x', MessageTriageService.MaxTextLength + 1) })
            Assert.NotNull((await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/analyze", new { text })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR"))["errors"]!["text"]);
        await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/analyze", new { })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var viewer = await owner.AddMemberAsync("viewer");
        await (await viewer.Client.PostAsJsonAsync("/api/v1/copilot/analyze", new { text = "oi" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Each_inbound_message_is_stored_with_its_triage_and_the_inbox_sorts_the_urgent_first()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var calm = $"55119{Random.Shared.Next(60000000, 99999999)}";
        var angry = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await WhatsAppWebhook.SendTextAsync(app, phoneNumberId, angry, "Cadê meu pedido??? NINGUÉM RESPONDE, que absurdo", "Cliente Bravo");
        await Eventually.GetAsync(owner, "/api/v1/conversations", b => (int)b["total"]! == 1);
        await WhatsAppWebhook.SendTextAsync(app, phoneNumberId, calm, "Bom dia! Tudo bem?", "Cliente Calmo");
        var latest = await Eventually.GetAsync(owner, "/api/v1/conversations", b => (int)b["total"]! == 2);
        Assert.Equal("Cliente Calmo", (string?)latest["items"]![0]!["lead_name"]);
        Assert.Equal(("neutral", "low", "greeting"), Triage(latest["items"]![0]!["triage"]!));
        var message = latest["items"]![0]!["last_message"]!;
        Assert.Equal(("neutral", "low", "greeting"), Triage(message["triage"]!));
        Assert.Equal("lexicon", (string?)message["triage"]!["provider"]);

        var urgent = await owner.GetJsonAsync("/api/v1/conversations?order=urgency");
        Assert.Equal("Cliente Bravo", (string?)urgent["items"]![0]!["lead_name"]);
        Assert.Equal(("negative", "high", "complaint"), Triage(urgent["items"]![0]!["triage"]!));
        await (await owner.Client.GetAsync("/api/v1/conversations?order=loudest")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_read_conversation_no_longer_ranks_by_its_urgency()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var angry = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await WhatsAppWebhook.SendTextAsync(app, phoneNumberId, angry, "URGENTE!!! o sistema parou de funcionar", "Cliente Urgente");
        await Eventually.GetAsync(owner, "/api/v1/conversations", b => (int)b["total"]! == 1);
        await WhatsAppWebhook.SendTextAsync(app, phoneNumberId, $"55119{Random.Shared.Next(60000000, 99999999)}", "Vocês aceitam cartão?", "Cliente Pergunta");
        var both = await Eventually.GetAsync(owner, "/api/v1/conversations", b => (int)b["total"]! == 2);
        var urgentLead = both["items"]!.AsArray().First(i => (string?)i!["lead_name"] == "Cliente Urgente")!["lead_id"];
        Assert.Equal("Cliente Urgente", (string?)(await owner.GetJsonAsync("/api/v1/conversations?order=urgency"))["items"]![0]!["lead_name"]);
        await (await owner.Client.PostAsync($"/api/v1/leads/{urgentLead}/messages/read", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Cliente Pergunta", (string?)(await owner.GetJsonAsync("/api/v1/conversations?order=urgency"))["items"]![0]!["lead_name"]);
    }

    [Fact]
    public async Task Messages_stored_without_triage_are_triaged_by_the_backfill()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await WhatsAppWebhook.SendTextAsync(app, phoneNumberId, from, "Quero fechar, me manda o boleto", "Cliente Antigo");
        var leadId = (string)(await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.%2B{from}", b => (int)b["total"]! == 1))["items"]![0]!["id"]!;
        await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => (int)b["total"]! == 1);
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
            await db.Messages.IgnoreQueryFilters().Where(m => m.LeadId == Guid.Parse(leadId))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Sentiment, (MessageSentiment?)null).SetProperty(m => m.Urgency, (MessageUrgency?)null)
                    .SetProperty(m => m.Intent, (MessageIntent?)null).SetProperty(m => m.TriageProvider, (string?)null));
        Assert.Null((await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["triage"]);

        Assert.True(await scope.ServiceProvider.GetRequiredService<MessageTriageBackfill>().RunAsync() >= 1);
        var triage = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["triage"]!;
        Assert.Equal("purchase_intent", (string?)triage["intent"]);
        Assert.Equal("lexicon", (string?)triage["provider"]);
    }

    private static (string?, string?, string?) Triage(System.Text.Json.Nodes.JsonNode triage) =>
        ((string?)triage["sentiment"], (string?)triage["urgency"], (string?)triage["intent"]);
}

public sealed class TriageApiTestsOnSqlite(InboundSqliteApp app) : TriageApiTests(app), IClassFixture<InboundSqliteApp>;

public sealed class TriageApiTestsOnPostgres(InboundPostgresApp app) : TriageApiTests(app), IClassFixture<InboundPostgresApp>;
