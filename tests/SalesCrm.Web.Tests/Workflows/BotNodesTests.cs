using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>The WhatsApp bot's nodes (send_whatsapp, ask_whatsapp, handoff, ai_reply) run directly against the Cloud API stub.</summary>
public abstract class BotNodesTests(InboundAppBase app)
{
    private async Task<(Session Owner, string PhoneNumberId, BotNodeRunner Bot)> LeadWroteAsync(Session? owner = null, string? phoneNumberId = null)
    {
        if (owner is null) (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, _) = await CustomerWritesAsync(app, owner, phoneNumberId!);
        return (owner, phoneNumberId!, new BotNodeRunner(app, owner.TenantId, Guid.Parse(leadId)));
    }

    private JsonNode LastSent(string phoneNumberId) => JsonNode.Parse(app.Graph.Sent.Last(s => s.PhoneNumberId == phoneNumberId).Body)!;

    private int SentCount(string phoneNumberId) => app.Graph.Sent.Count(s => s.PhoneNumberId == phoneNumberId);

    private static async Task<JsonArray> MessagesAsync(Session owner, BotNodeRunner bot) =>
        (await owner.GetJsonAsync($"/api/v1/leads/{bot.LeadId}/messages?limit=100"))["items"]!.AsArray();

    [Fact]
    public async Task An_option_question_goes_to_the_cloud_api_as_reply_buttons_and_the_run_waits_for_the_leads_reply()
    {
        var (owner, phoneNumberId, bot) = await LeadWroteAsync();

        var outcome = await bot.RunAsync("ask_whatsapp", new { question = "Oi {{lead.name}}! Quando pretende instalar?", answer_type = "option", options = new[] { "Este mês", "Em 3 meses", "Só pesquisando" }, timeout = "PT2H" });

        Assert.NotNull(outcome.Wait);
        Assert.Equal(("whatsapp.received", bot.LeadId, 1), (outcome.Wait!.EventType, outcome.Wait.LeadId, (int)outcome.Wait.State!["asked"]!));
        Assert.InRange(outcome.Wait.Until!.Value, DateTime.UtcNow.AddMinutes(110), DateTime.UtcNow.AddMinutes(130));
        var call = LastSent(phoneNumberId);
        Assert.Equal(("interactive", "button"), ((string?)call["type"], (string?)call["interactive"]!["type"]));
        Assert.Equal("Oi Cliente! Quando pretende instalar?", (string?)call["interactive"]!["body"]!["text"]);
        Assert.Equal(["Este mês", "Em 3 meses", "Só pesquisando"], call["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => (string?)b!["reply"]!["title"]));
        var asked = (await MessagesAsync(owner, bot)).First(m => (string?)m!["direction"] == "outbound")!;
        Assert.Equal(("interactive", "sent", true), ((string?)asked["type"], (string?)asked["status"], (bool)asked["sent_by_bot"]!));

        var answered = await bot.RunAsync("ask_whatsapp", new { question = "Quando?", answer_type = "option", options = new[] { "Este mês", "Em 3 meses", "Só pesquisando" } },
            BotNodeRunner.Reply("Em 3 meses", outcome));
        Assert.Equal("answered", answered.Port);
        Assert.Equal("Em 3 meses", (string?)answered.Output!["value"]);
    }

    [Fact]
    public async Task More_than_three_options_are_sent_as_a_list()
    {
        var (_, phoneNumberId, bot) = await LeadWroteAsync();
        await bot.RunAsync("ask_whatsapp", new { question = "Qual a faixa da sua conta de luz?", answer_type = "option", options = new[] { "Até 200", "200 a 500", "500 a 1000", "Acima de 1000" } });

        var interactive = LastSent(phoneNumberId)["interactive"]!;
        Assert.Equal("list", (string?)interactive["type"]);
        Assert.Equal(4, interactive["action"]!["sections"]![0]!["rows"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_invalid_email_is_asked_again_and_the_valid_one_is_stored_in_a_custom_field()
    {
        var (owner, phoneNumberId, bot) = await LeadWroteAsync();
        var settings = new { question = "Qual o seu e-mail?", answer_type = "email", store_to = "lead.custom.email_contato", invalid_message = "Esse e-mail não parece válido." };
        var first = await bot.RunAsync("ask_whatsapp", settings);

        var again = await bot.RunAsync("ask_whatsapp", settings, BotNodeRunner.Reply("não sei", first));
        Assert.Equal(2, (int)again.Wait!.State!["asked"]!);
        Assert.Equal("Esse e-mail não parece válido.\n\nQual o seu e-mail?", (string?)LastSent(phoneNumberId)["text"]!["body"]);
        Assert.Equal(2, SentCount(phoneNumberId));

        var answered = await bot.RunAsync("ask_whatsapp", settings, BotNodeRunner.Reply("claro, é Ana.Souza@Example.com", again));
        Assert.Equal("answered", answered.Port);
        Assert.Equal(("ana.souza@example.com", 2, true), ((string?)answered.Output!["value"], (int)answered.Output["asked"]!, (bool)answered.Output["stored"]!));
        var lead = await owner.GetJsonAsync($"/api/v1/leads/{bot.LeadId}");
        Assert.Equal("ana.souza@example.com", (string?)lead["custom_fields"]!["email_contato"]);
    }

    [Fact]
    public async Task An_invalid_reply_after_the_last_attempt_takes_the_invalid_port()
    {
        var (_, phoneNumberId, bot) = await LeadWroteAsync();
        var settings = new { question = "Quanto é sua conta de luz?", answer_type = "number", max_attempts = 1 };
        var first = await bot.RunAsync("ask_whatsapp", settings);

        var invalid = await bot.RunAsync("ask_whatsapp", settings, BotNodeRunner.Reply("bastante", first));
        Assert.Equal("invalid", invalid.Port);
        Assert.Equal(("invalid", "bastante"), ((string?)invalid.Output!["outcome"], (string?)invalid.Output["answer"]));
        Assert.Equal(1, SentCount(phoneNumberId));
    }

    [Fact]
    public async Task No_reply_before_the_timeout_takes_the_timeout_port()
    {
        var (_, _, bot) = await LeadWroteAsync();
        var settings = new { question = "Qual a sua cidade?", answer_type = "text", timeout = "PT1H" };
        var waited = await bot.RunAsync("ask_whatsapp", settings);

        var outcome = await bot.RunAsync("ask_whatsapp", settings, BotNodeRunner.TimedOut(waited));
        Assert.Equal("timeout", outcome.Port);
        Assert.Equal("timeout", (string?)outcome.Output!["outcome"]);
    }

    [Fact]
    public async Task Atendente_mid_question_hands_off_to_the_owner_with_a_task_and_the_bot_stops_for_the_lead()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var rep = await owner.AddMemberAsync("sales_rep");
        var (_, _, bot) = await LeadWroteAsync(owner, phoneNumberId);
        var lead = await owner.GetJsonAsync($"/api/v1/leads/{bot.LeadId}");
        Assert.Equal(rep.UserId.ToString(), (string?)lead["owner_id"]);
        var settings = new { question = "Qual o seu nome?", answer_type = "name", store_to = "lead.name" };
        var waited = await bot.RunAsync("ask_whatsapp", settings);

        var handedOff = await bot.RunAsync("ask_whatsapp", settings, BotNodeRunner.Reply("Quero falar com um ATENDENTE", waited));
        Assert.True(handedOff.Ends);
        Assert.Equal(("handoff", rep.UserId.ToString()), ((string?)handedOff.Output!["outcome"], (string?)handedOff.Output["assigned_to"]));
        var tasks = (await rep.GetJsonAsync($"/api/v1/activities?mine=true&lead_id={bot.LeadId}"))["items"]!.AsArray();
        Assert.Single(tasks);
        Assert.Equal("Cliente", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{bot.LeadId}"))["name"]);

        // From now on a person handles the conversation: another bot question ends its run without sending.
        var sends = SentCount(phoneNumberId);
        var other = new BotNodeRunner(app, owner.TenantId, bot.LeadId);
        var stopped = await other.RunAsync("ask_whatsapp", new { question = "Qual a sua cidade?", answer_type = "text" });
        Assert.True(stopped.Ends);
        Assert.Equal("stopped", (string?)stopped.Output!["outcome"]);
        Assert.Equal(sends, SentCount(phoneNumberId));
        var ai = await other.RunAsync("ai_reply", new { fallback_text = "Oi!" });
        Assert.True(ai.Ends);

        // A member gives the conversation back to the bot: it asks again.
        Assert.True((bool)(await rep.GetJsonAsync($"/api/v1/leads/{bot.LeadId}/messages/handoff"))["handled_by_human"]!);
        var released = await (await rep.Client.PostAsync($"/api/v1/leads/{bot.LeadId}/messages/handoff/release", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)released["released"]!);
        Assert.NotNull((await other.RunAsync("ask_whatsapp", new { question = "Qual a sua cidade?", answer_type = "text" }, nodeId: "cidade")).Wait);
        Assert.Equal(sends + 1, SentCount(phoneNumberId));
    }

    [Fact]
    public async Task A_handoff_node_assigns_the_given_user_and_sends_its_message()
    {
        var (owner, phoneNumberId, bot) = await LeadWroteAsync();
        var manager = await owner.AddMemberAsync("manager");

        var outcome = await bot.RunAsync("handoff", new { rule = "user", user_id = manager.UserId, message = "Vou te passar para {{lead.name}}... digo, para um consultor!" });

        Assert.Equal("next", outcome.Port);
        Assert.Equal(manager.UserId.ToString(), (string?)outcome.Output!["assigned_to"]);
        Assert.Equal(manager.UserId.ToString(), (string?)(await owner.GetJsonAsync($"/api/v1/leads/{bot.LeadId}"))["owner_id"]);
        Assert.Equal("Vou te passar para Cliente... digo, para um consultor!", (string?)LastSent(phoneNumberId)["text"]!["body"]);
        // A retried step hands off once: no second task, no second message.
        var again = await bot.RunAsync("handoff", new { rule = "user", user_id = manager.UserId, message = "Vou te passar para um consultor!" });
        Assert.Equal(manager.UserId.ToString(), (string?)again.Output!["assigned_to"]);
        Assert.Single((await manager.GetJsonAsync($"/api/v1/activities?mine=true&lead_id={bot.LeadId}"))["items"]!.AsArray());
        Assert.Equal(1, SentCount(phoneNumberId));
    }

    [Fact]
    public async Task Send_whatsapp_outside_the_24_hour_window_sends_the_template_and_without_one_fails_clearly()
    {
        var owner = await app.RegisterAsync();
        var phoneNumberId = await ConnectAsync(owner);
        var template = await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = $"boasvindas_{Guid.NewGuid():N}"[..20], category = "utility", language = "pt_BR", body = "Olá {{first_name}}, aqui é da {{empresa}}!", status = "approved" }))
            .ExpectAsync(HttpStatusCode.Created);
        var lead = await owner.CreateLeadAsync(new { name = "Marcos Prado", phone = $"+55119{Random.Shared.Next(60000000, 99999999)}" });
        var bot = new BotNodeRunner(app, owner.TenantId, Guid.Parse((string)lead["id"]!));

        var sent = await bot.RunAsync("send_whatsapp", new { text = "Oi {{lead.name}}", template_id = template["id"]!.ToString(), variables = new { empresa = "Solar {{lead.name | first_name}}" } });

        Assert.Equal("next", sent.Port);
        Assert.Equal(("template", "sent"), ((string?)sent.Output!["kind"], (string?)sent.Output["status"]));
        var call = LastSent(phoneNumberId);
        Assert.Equal("template", (string?)call["type"]);
        Assert.Equal(["Marcos", "Solar Marcos"], call["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => (string?)p!["text"]));

        var refused = await new BotNodeRunner(app, owner.TenantId, bot.LeadId).RunAsync("send_whatsapp", new { text = "Oi {{lead.name}}" });
        Assert.NotNull(refused.Error);
        Assert.False(refused.Retryable);
        Assert.Contains("24-hour", refused.Error);
    }

    [Fact]
    public async Task Send_whatsapp_inside_the_window_sends_the_rendered_text_as_the_bot()
    {
        var (owner, phoneNumberId, bot) = await LeadWroteAsync();
        var outcome = await bot.RunAsync("send_whatsapp", new { text = "Olá {{lead.name}}, recebemos sua mensagem!", template_id = Guid.NewGuid() });

        Assert.Equal(("text", "sent"), ((string?)outcome.Output!["kind"], (string?)outcome.Output["status"]));
        Assert.Equal("Olá Cliente, recebemos sua mensagem!", (string?)LastSent(phoneNumberId)["text"]!["body"]);
        var message = (await MessagesAsync(owner, bot)).First(m => (string?)m!["direction"] == "outbound")!;
        Assert.True((bool)message["sent_by_bot"]!);
    }

    [Fact]
    public async Task The_same_step_key_twice_sends_once()
    {
        var (owner, phoneNumberId, bot) = await LeadWroteAsync();
        var first = await bot.RunAsync("send_whatsapp", new { text = "Uma vez so" }, key: "run-x:node-y");
        var second = await bot.RunAsync("send_whatsapp", new { text = "Uma vez so" }, key: "run-x:node-y");

        Assert.Equal((string?)first.Output!["message_id"], (string?)second.Output!["message_id"]);
        Assert.Equal(1, app.Graph.Sent.Count(s => s.PhoneNumberId == phoneNumberId && s.Body.Contains("Uma vez so")));
        Assert.Single((await MessagesAsync(owner, bot)).Where(m => (string?)m!["text"] == "Uma vez so"));
    }

    [Fact]
    public async Task A_failed_send_retried_with_the_same_key_sends_the_same_message_again()
    {
        var (owner, phoneNumberId, bot) = await LeadWroteAsync();
        app.Graph.FailSends = true;
        WorkflowNodeOutcome failed;
        try { failed = await bot.RunAsync("send_whatsapp", new { text = "Tentando de novo" }, key: "run-r:node-r"); }
        finally { app.Graph.FailSends = false; }
        Assert.NotNull(failed.Error);

        var retried = await bot.RunAsync("send_whatsapp", new { text = "Tentando de novo" }, key: "run-r:node-r");
        Assert.Equal("sent", (string?)retried.Output!["status"]);
        Assert.Equal((string?)failed.Output!["message_id"], (string?)retried.Output["message_id"]);
        Assert.Single((await MessagesAsync(owner, bot)).Where(m => (string?)m!["text"] == "Tentando de novo"));
    }

    [Fact]
    public async Task Ai_reply_below_the_confidence_threshold_takes_the_handoff_port_without_sending()
    {
        var (owner, phoneNumberId, bot) = await LeadWroteAsync();
        await owner.CreateDocumentAsync("Garantia", "Qual a garantia do inversor?\n\nA garantia do inversor é de dez anos, com troca em até 48 horas.");
        var sends = SentCount(phoneNumberId);

        var outcome = await bot.RunAsync("ai_reply", new { question = "Vocês aceitam pagamento em bitcoin parcelado?", confidence_threshold = 0.6 });

        Assert.Equal("handoff", outcome.Port);
        Assert.Equal("low_confidence", (string?)outcome.Output!["reason"]);
        Assert.Equal(sends, SentCount(phoneNumberId));
    }

    [Fact]
    public async Task Ai_reply_answers_from_the_knowledge_base_on_whatsapp_when_confident()
    {
        var (owner, phoneNumberId, bot) = await LeadWroteAsync();
        await owner.CreateDocumentAsync("Garantia", "Qual a garantia do inversor?\n\nA garantia do inversor é de dez anos, com troca em até 48 horas.");

        var outcome = await bot.RunAsync("ai_reply", new { question = "qual a garantia do inversor?", confidence_threshold = 0.5 });

        Assert.Equal("answered", outcome.Port);
        Assert.True((double)outcome.Output!["confidence"]! >= 0.5);
        var body = (string?)LastSent(phoneNumberId)["text"]!["body"];
        Assert.Contains("dez anos", body);
        Assert.Equal(body, (string?)outcome.Output["answer"]);
    }

    [Fact]
    public async Task Ai_reply_without_knowledge_sends_the_static_reply()
    {
        var (_, phoneNumberId, bot) = await LeadWroteAsync();
        var outcome = await bot.RunAsync("ai_reply", new { fallback_text = "Um consultor já vai te responder, {{lead.name}}." });

        Assert.Equal("answered", outcome.Port);
        Assert.Equal("Um consultor já vai te responder, Cliente.", (string?)LastSent(phoneNumberId)["text"]!["body"]);
    }

    [Fact]
    public async Task The_funnel_lists_the_bots_questions_in_graph_order_for_managers_only()
    {
        var owner = await app.RegisterAsync();
        var graph = new
        {
            nodes = new object[]
            {
                new { id = "start", type = "trigger", settings = new { kind = "inbound_message" }, position = new { x = 0, y = 0 } },
                new { id = "nome", type = "ask_whatsapp", settings = new { question = "Qual o seu nome?", answer_type = "name" }, position = new { x = 200, y = 0 } },
                new { id = "conta", type = "ask_whatsapp", settings = new { question = "Quanto é sua conta de luz?", answer_type = "number", label = "Conta" }, position = new { x = 400, y = 0 } },
                new { id = "fim", type = "end", settings = new { }, position = new { x = 600, y = 0 } },
            },
            edges = new[]
            {
                new { source = "start", source_port = "next", target = "nome" }, new { source = "nome", source_port = "answered", target = "conta" },
                new { source = "conta", source_port = "answered", target = "fim" },
            },
        };
        var workflow = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Qualificação WhatsApp", graph })).ExpectAsync(HttpStatusCode.Created);

        var funnel = await owner.GetJsonAsync($"/api/v1/workflows/{workflow["id"]}/funnel");

        var steps = funnel["steps"]!.AsArray();
        Assert.Equal(["nome", "conta"], steps.Select(s => (string?)s!["node_id"]));
        Assert.Equal(("Conta", "Quanto é sua conta de luz?", 0, 0, 0.0), ((string?)steps[1]!["label"], (string?)steps[1]!["question"], (int)steps[1]!["reached"]!, (int)steps[1]!["answered"]!, (double)steps[1]!["drop_off_rate"]!));
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.Client.GetAsync($"/api/v1/workflows/{workflow["id"]}/funnel")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var other = await app.RegisterAsync();
        await (await other.Client.GetAsync($"/api/v1/workflows/{workflow["id"]}/funnel")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}

public sealed class BotNodesTestsOnSqlite(InboundSqliteApp app) : BotNodesTests(app), IClassFixture<InboundSqliteApp>;

public sealed class BotNodesTestsOnPostgres(InboundPostgresApp app) : BotNodesTests(app), IClassFixture<InboundPostgresApp>;
