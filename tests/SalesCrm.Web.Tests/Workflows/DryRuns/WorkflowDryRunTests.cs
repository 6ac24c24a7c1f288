using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.DryRuns.DryRunCalls;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.DryRuns;

/// <summary>The dry run (issues 18/19): the path and actions a workflow would take for a lead, decided like the engine, with nothing written.</summary>
public abstract class WorkflowDryRunTests(CrmAppFactory app)
{
    /// <summary>value ≥ 1000? → WhatsApp welcome + call task; else tag cold.</summary>
    private static object BranchGraph() => Graph(
        [
            Node("start", "trigger", new { kind = "manual" }),
            Node("big", "condition", new { field = "lead.value", @operator = "gte", value = 1000 }),
            Node("hello", "send_whatsapp", new { text = "Olá {{lead.name | first_name}}, vi seu interesse em {{run.input.produto}}" }),
            Node("task", "create_activity", new { title = "Ligar para {{lead.name}}", activity_type = "call", due_in = "PT2H" }),
            Node("cold", "add_tag", new { tag = "frio-{{lead.source}}" }),
        ],
        [Edge("start", "big"), Edge("big", "hello", "true"), Edge("hello", "task"), Edge("big", "cold", "false")]);

    private static async Task<string> LeadAsync(Session owner, object body) => (string)(await owner.CreateLeadAsync(body))["id"]!;

    [Fact]
    public async Task A_condition_takes_the_port_each_lead_matches_and_the_actions_carry_settings_rendered_for_that_lead()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(BranchGraph());
        var big = await LeadAsync(owner, new { name = "maria da silva", source = "meta_ads", value = 5000, phone = "+5541988776601" });
        var small = await LeadAsync(owner, new { name = "João Pequeno", source = "website", value = 10 });

        var forBig = await owner.DryRunAsync(workflowId, new { lead_id = big, input = new { produto = "energia solar" } });
        Assert.Equal(1, (int?)forBig["version"]);
        Assert.Equal(["start", "big", "hello", "task"], PathNodes(forBig));
        Assert.Equal("true", (string?)Step(forBig, "big")["port"]);
        Assert.Equal(["hello", "task"], ActionNodes(forBig));
        var hello = Action(forBig, "hello");
        Assert.Equal("Olá Maria, vi seu interesse em energia solar", (string?)hello["settings"]!["text"]);
        Assert.Equal("Enviaria no WhatsApp: “Olá Maria, vi seu interesse em energia solar”", (string?)hello["summary"]);
        Assert.Equal("Ligar para maria da silva", (string?)Action(forBig, "task")["settings"]!["title"]);
        Assert.Null(forBig["stopped_at"]);
        // Maria never wrote on WhatsApp: the free text would be refused, so the dry run says so (and nothing else).
        Assert.StartsWith("hello falharia: o lead não escreve há mais de 24 horas", (string?)Assert.Single(forBig["warnings"]!.AsArray()));

        var forSmall = await owner.DryRunAsync(workflowId, new { lead_id = small });
        Assert.Equal(["start", "big", "cold"], PathNodes(forSmall));
        Assert.Equal("false", (string?)Step(forSmall, "big")["port"]);
        Assert.Equal("Adicionaria a etiqueta “frio-website”", (string?)Action(forSmall, "cold")["summary"]);
    }

    [Fact]
    public async Task Summaries_follow_the_readers_language_and_unknown_variables_come_back_as_warnings()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "{{lead.nmae}}x" }), ("wait", "delay", new { duration = "P2D" })));
        var lead = await LeadAsync(owner, new { name = "Ana" });

        var en = await owner.DryRunAsync(workflowId, new { lead_id = lead }, "en");
        Assert.Equal("Would add the tag “x”", (string?)Action(en, "tag")["summary"]);
        Assert.Equal("Would wait 2 days", (string?)Action(en, "wait")["summary"]);
        Assert.Contains(en["warnings"]!.AsArray(), w => ((string?)w)!.StartsWith("tag: ") && ((string?)w)!.Contains("lead.nmae"));
        Assert.Contains("tag: unknown variable “lead.nmae” (rendered empty)", en["warnings"]!.AsArray().Select(w => (string?)w));
        var pt = await owner.DryRunAsync(workflowId, new { lead_id = lead });
        Assert.Equal("Esperaria 2 dias", (string?)Action(pt, "wait")["summary"]);
        Assert.Equal(["tag: variável desconhecida “lead.nmae” (ficou vazia)"], pt["warnings"]!.AsArray().Select(w => (string?)w));
    }

    [Fact]
    public async Task Waits_take_their_main_outcome_unless_the_answers_name_a_port_or_give_a_reply_that_later_steps_read()
    {
        var owner = await app.RegisterAsync();
        var graph = Graph(
            [
                Node("start", "trigger", new { kind = "manual" }),
                Node("pause", "delay", new { duration = "PT48H" }),
                Node("ask", "ask_whatsapp", new { question = "Qual seu e-mail, {{lead.name}}?", answer_type = "email", store_to = "lead.email" }),
                Node("thanks", "send_whatsapp", new { text = "Obrigado! Vamos escrever para {{nodes.ask.output.value}}" }),
                Node("nudge", "add_tag", new { tag = "sem-resposta" }),
                Node("bad", "add_tag", new { tag = "invalido" }),
            ],
            [Edge("start", "pause"), Edge("pause", "ask"), Edge("ask", "thanks", "answered"), Edge("ask", "nudge", "timeout"), Edge("ask", "bad", "invalid")]);
        var workflowId = await owner.PublishAsync(graph);
        var lead = await LeadAsync(owner, new { name = "Bia" });

        var main = await owner.DryRunAsync(workflowId, new { lead_id = lead });
        Assert.Equal(["start", "pause", "ask", "thanks"], PathNodes(main));
        Assert.Equal("Esperaria 2 dias", (string?)Action(main, "pause")["summary"]);
        Assert.Equal("Perguntaria no WhatsApp: “Qual seu e-mail, Bia?”", (string?)Action(main, "ask")["summary"]);
        Assert.Equal("answered", (string?)Step(main, "ask")["port"]);
        Assert.Contains("respostas", (string?)Step(main, "ask")["note"]);

        var timeout = await owner.DryRunAsync(workflowId, new { lead_id = lead, answers = new Dictionary<string, string> { ["ask"] = "timeout" } });
        Assert.Equal(["start", "pause", "ask", "nudge"], PathNodes(timeout));

        var replied = await owner.DryRunAsync(workflowId, new { lead_id = lead, answers = new Dictionary<string, string> { ["ask"] = "meu email é Bia@Exemplo.com.br" } });
        Assert.Equal(["start", "pause", "ask", "thanks"], PathNodes(replied));
        Assert.Equal("Obrigado! Vamos escrever para bia@exemplo.com.br", (string?)Action(replied, "thanks")["settings"]!["text"]);

        var invalid = await owner.DryRunAsync(workflowId, new { lead_id = lead, answers = new Dictionary<string, string> { ["ask"] = "não sei" } });
        Assert.Equal(["start", "pause", "ask", "bad"], PathNodes(invalid));
    }

    [Fact]
    public async Task Free_text_to_a_lead_outside_whatsapps_24_hour_window_is_warned_until_the_lead_replies()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Graph(
            [
                Node("start", "trigger", new { kind = "manual" }),
                Node("ask", "ask_whatsapp", new { question = "Qual seu orçamento?", answer_type = "text" }),
                Node("thanks", "send_whatsapp", new { text = "Obrigado!" }),
            ],
            [Edge("start", "ask"), Edge("ask", "thanks", "answered")]));
        var silent = await LeadAsync(owner, new { name = "Sem Conversa", phone = "+5541988776611" });
        var stale = await LeadAsync(owner, new { name = "Conversa Antiga", phone = "+5541988776612" });
        var recent = await LeadAsync(owner, new { name = "Conversa Recente", phone = "+5541988776613" });
        var noPhone = await LeadAsync(owner, new { name = "Sem Telefone", email = "sem.telefone@exemplo.com.br" });
        await owner.AsMemberAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var now = DateTime.UtcNow;
            db.Messages.Add(new Message { TenantId = owner.TenantId, LeadId = Guid.Parse(stale), Direction = MessageDirection.Inbound, Status = MessageStatus.Received, Text = "Oi", CreatedAt = now.AddHours(-25), StoredAt = now });
            db.Messages.Add(new Message { TenantId = owner.TenantId, LeadId = Guid.Parse(recent), Direction = MessageDirection.Inbound, Status = MessageStatus.Received, Text = "Oi", CreatedAt = now.AddHours(-23), StoredAt = now });
            return await db.SaveChangesAsync();
        });

        foreach (var lead in new[] { silent, stale })
        {
            // Only the question is warned: once the lead answers it, the window is open for the thank-you.
            var warned = await owner.DryRunAsync(workflowId, new { lead_id = lead });
            Assert.Equal(["start", "ask", "thanks"], PathNodes(warned));
            Assert.StartsWith("ask falharia: o lead não escreve há mais de 24 horas", (string?)Assert.Single(warned["warnings"]!.AsArray()));
        }
        var en = await owner.DryRunAsync(workflowId, new { lead_id = silent }, "en");
        Assert.StartsWith("ask would fail: the lead has not written in the last 24 hours", (string?)Assert.Single(en["warnings"]!.AsArray()));
        Assert.Empty((await owner.DryRunAsync(workflowId, new { lead_id = recent }))["warnings"]!.AsArray());
        // No phone at all: that is what would fail, once.
        Assert.Equal(["ask falharia: o lead não tem telefone para o WhatsApp"],
            (await owner.DryRunAsync(workflowId, new { lead_id = noPhone }))["warnings"]!.AsArray().Select(w => (string?)w));

        // A bot started by the lead's own message always has the window open.
        var byMessage = await owner.PublishAsync(Graph(
            [Node("start", "trigger", new { kind = "inbound_message" }), Node("ask", "ask_whatsapp", new { question = "Qual seu nome?", answer_type = "text" })],
            [Edge("start", "ask")]));
        Assert.Empty((await owner.DryRunAsync(byMessage, new { lead_id = silent }))["warnings"]!.AsArray());

        // The same bot that can also be started by hand ("Iniciar pelo lead", as the qualification template): that start
        // would fail for a lead outside the window, and the dry run says so; a lead inside it hears nothing.
        var alsoByHand = await owner.PublishAsync(Graph(
            [Node("start", "trigger", new { kind = "inbound_message" }), Node("by_hand", "trigger", new { kind = "manual", label = "Iniciar pelo lead" }),
                Node("ask", "ask_whatsapp", new { question = "Qual seu nome?", answer_type = "text", label = "Nome" })],
            [Edge("start", "ask"), Edge("by_hand", "ask")]));
        Assert.Equal(["Iniciada por “Iniciar pelo lead” (em vez da mensagem recebida), a automação falharia em Nome: este lead não escreve há mais de 24 horas e o WhatsApp só aceita um modelo aprovado"],
            (await owner.DryRunAsync(alsoByHand, new { lead_id = silent }))["warnings"]!.AsArray().Select(w => (string?)w));
        Assert.Empty((await owner.DryRunAsync(alsoByHand, new { lead_id = recent }))["warnings"]!.AsArray());
    }

    [Fact]
    public async Task A_dry_run_writes_no_row_anywhere_and_leaves_the_lead_as_it_was()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.GetJsonAsync("/api/v1/pipelines");
        var stageId = (string)stages["items"]![0]!["stages"]![1]!["id"]!;
        // The called workflow is walked too (nested): its actions must not write either.
        var other = await owner.PublishAsync(Line(("x", "add_tag", new { tag = "x" }), ("xtask", "create_activity", new { title = "Chamada", activity_type = "call" }),
            ("xwa", "send_whatsapp", new { text = "Oi de novo" }), ("xevent", "emit_event", new { event_type = "custom.chamada" })), "Outra");
        var workflowId = await owner.PublishAsync(Line(
            ("field", "set_field", new { field = "lead.priority", value = "high" }),
            ("custom", "set_field", new { field = "lead.custom.origem", value = "{{lead.source}}" }),
            ("tag", "add_tag", new { tag = "quente" }),
            ("stage", "move_stage", new { stage_id = stageId }),
            ("assign", "assign", new { mode = "round_robin" }),
            ("task", "create_activity", new { title = "Ligar", activity_type = "call" }),
            ("note", "add_note", new { text = "Nota de {{lead.name}}" }),
            ("wa", "send_whatsapp", new { text = "Oi {{lead.name}}" }),
            ("mail", "send_email", new { subject = "Olá {{lead.name}}", body = "Corpo" }),
            ("event", "emit_event", new { event_type = "custom.teste" }),
            ("score", "recalculate_score", new { }),
            ("call", "call_workflow", new { workflow_id = other }),
            ("hook", "http_request", new { method = "POST", url = "https://example.invalid/hook", body = new { name = "{{lead.name}}" } }),
            ("human", "handoff", new { rule = "owner" })));
        var lead = await LeadAsync(owner, new { name = "Sem Efeito", phone = LeadApi.Phone(Random.Shared.Next(1, 9_000_000)), email = "sem@efeito.test" });
        var before = await owner.GetJsonAsync($"/api/v1/leads/{lead}");
        var rows = await SettledCountsAsync(app);
        // What a real run of these nodes writes: its run, steps and queue item, events (the outbox), messages, e-mails,
        // activities, notes (interactions), hand-offs, stage history, webhook deliveries and audit rows.
        Assert.All(new[] { "workflow_runs", "workflow_run_steps", "workflow_queue", "events", "event_subscriber_retries", "messages", "email_messages",
            "activities", "interactions", "conversation_handoffs", "lead_stage_history", "webhook_deliveries", "audit_logs", "leads" }, t => Assert.Contains(t, rows.Keys));

        var result = await owner.DryRunAsync(workflowId, new { lead_id = lead });
        var draft = await owner.DryRunAsync(workflowId, new { lead_id = lead, draft = true });

        Assert.Equal(["field", "custom", "tag", "stage", "assign", "task", "note", "wa", "mail", "event", "score", "call", "hook", "human"], ActionNodes(result));
        Assert.Equal(ActionNodes(result), ActionNodes(draft));
        Assert.Contains("Outra", (string?)Action(result, "call")["summary"]);
        Assert.Equal(["x", "xtask", "xwa", "xevent"], Step(result, "call")["call"]!["actions"]!.AsArray().Select(a => (string?)a!["node_id"]));
        Assert.Equal("walked", (string?)Step(draft, "call")["call"]!["outcome"]);
        Assert.Equal(rows, await CountRowsAsync(app));
        var after = await owner.GetJsonAsync($"/api/v1/leads/{lead}");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Empty(await owner.RunsAsync(workflowId));
    }

    [Fact]
    public async Task An_event_triggers_filter_is_checked_like_the_engine_and_the_input_stands_in_for_the_event_payload()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Graph(
            [
                Node("start", "trigger", new { kind = "event", event_type = "lead.created", filter = "source=eq.meta_ads" }),
                Node("note", "add_note", new { text = "Formulário {{event.payload.form}}" }),
            ],
            [Edge("start", "note")]));
        var meta = await LeadAsync(owner, new { name = "Do Meta", source = "meta_ads" });
        var site = await LeadAsync(owner, new { name = "Do site", source = "website" });

        var matching = await owner.DryRunAsync(workflowId, new { lead_id = meta, input = new { form = "solar" } });
        Assert.Empty(matching["warnings"]!.AsArray());
        Assert.Equal("Formulário solar", (string?)Action(matching, "note")["settings"]!["text"]);
        var other = await owner.DryRunAsync(workflowId, new { lead_id = site });
        Assert.Equal(["start", "note"], PathNodes(other));
        Assert.Contains(other["warnings"]!.AsArray(), w => ((string?)w)!.Contains("source=eq.meta_ads") && ((string?)w)!.Contains("não iniciaria"));
    }

    [Fact]
    public async Task The_draft_is_walked_on_request_and_the_published_version_otherwise()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Line(("v1", "add_tag", new { tag = "um" })));
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{workflowId}", new { graph = Line(("v2", "add_tag", new { tag = "dois" })) }))
            .ExpectAsync(HttpStatusCode.OK);
        var lead = await LeadAsync(owner, new { name = "Rascunho" });

        Assert.Equal(["start", "v1"], PathNodes(await owner.DryRunAsync(workflowId, new { lead_id = lead })));
        var draft = await owner.DryRunAsync(workflowId, new { lead_id = lead, draft = true });
        Assert.Equal(["start", "v2"], PathNodes(draft));
        Assert.Null(draft["version"]);
    }

    [Fact]
    public async Task A_loop_through_a_delay_stops_at_the_step_limit_with_a_warning()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Graph(
            [Node("start", "trigger", new { kind = "manual" }), Node("tag", "add_tag", new { tag = "de novo" }), Node("wait", "delay", new { duration = "PT1H" })],
            [Edge("start", "tag"), Edge("tag", "wait"), Edge("wait", "tag")]));
        var lead = await LeadAsync(owner, new { name = "Laço" });

        var result = await owner.DryRunAsync(workflowId, new { lead_id = lead });
        Assert.Equal(100, result["path"]!.AsArray().Count);
        Assert.NotNull((string?)result["stopped_at"]);
        Assert.Contains(result["warnings"]!.AsArray(), w => ((string?)w)!.Contains("100"));
    }

    [Fact]
    public async Task Errors_answer_problem_json_with_their_codes()
    {
        var owner = await app.RegisterAsync();
        var lead = await LeadAsync(owner, new { name = "Erros" });
        var workflowId = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "x" })));
        var never = (string)(await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Nunca", graph = Line(("tag", "add_tag", new { tag = "x" })) }))
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        var broken = (string)(await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Quebrada", graph = Line(("tag", "add_tag", new { })) }))
            .ExpectAsync(HttpStatusCode.Created))["id"]!;

        await (await owner.PostDryRunAsync(Guid.NewGuid().ToString(), new { lead_id = lead })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await owner.PostDryRunAsync(workflowId, new { lead_id = Guid.NewGuid() })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await owner.PostDryRunAsync(workflowId, new { })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.PostDryRunAsync(workflowId, new { lead_id = lead, input = "texto" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.PostDryRunAsync(never, new { lead_id = lead })).ExpectProblemAsync(HttpStatusCode.Conflict, "WORKFLOW_NOT_ACTIVE");
        Assert.Equal(["start", "tag"], PathNodes(await owner.DryRunAsync(never, new { lead_id = lead, draft = true })));
        var invalid = await (await owner.PostDryRunAsync(broken, new { lead_id = lead, draft = true })).ExpectProblemAsync(HttpStatusCode.BadRequest, "WORKFLOW_INVALID");
        Assert.Contains(invalid["problems"]!.AsArray(), p => (string?)p!["node_id"] == "tag");

        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.PostDryRunAsync(workflowId, new { lead_id = lead })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Another_workspace_cannot_dry_run_a_workflow_or_reach_a_lead_it_does_not_own()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "x" })));
        var lead = await LeadAsync(owner, new { name = "Alheio" });
        var stranger = await app.RegisterAsync();
        var strangersWorkflow = await stranger.PublishAsync(Line(("tag", "add_tag", new { tag = "y" })));
        var strangersLead = await LeadAsync(stranger, new { name = "Meu" });

        await (await stranger.PostDryRunAsync(workflowId, new { lead_id = strangersLead })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.PostDryRunAsync(strangersWorkflow, new { lead_id = lead })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(["start", "tag"], PathNodes(await stranger.DryRunAsync(strangersWorkflow, new { lead_id = strangersLead })));
    }
}

public sealed class WorkflowDryRunTestsOnSqlite(SqliteApp app) : WorkflowDryRunTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowDryRunTestsOnPostgres(PostgresApp app) : WorkflowDryRunTests(app), IClassFixture<PostgresApp>;
