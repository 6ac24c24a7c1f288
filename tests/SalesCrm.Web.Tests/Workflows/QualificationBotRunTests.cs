using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>
/// The WhatsApp bot through the engine, with nothing faked but WhatsApp's Cloud API: a run asks on WhatsApp, waits, and the
/// lead's real replies — signed webhooks, inbox, <c>whatsapp.received</c> — resume it: an invalid e-mail is asked again, the
/// valid one is stored and the run goes on; "atendente" mid-flow hands the lead to a person and ends the run.
/// </summary>
public abstract class QualificationBotRunTests(InboundAppBase app)
{
    private static object EmailBot() => Graph(
        [
            Node("start", "trigger", new { kind = "manual" }),
            Node("email", "ask_whatsapp", new { question = "Qual o seu e-mail, {{lead.name}}?", answer_type = "email", store_to = "lead.custom.email_contato", invalid_message = "Esse e-mail não parece válido.", timeout = "PT1H" }),
            Node("ok", "add_tag", new { tag = "qualificado" }),
            Node("bad", "add_tag", new { tag = "email_invalido" }),
            Node("late", "add_tag", new { tag = "sem_resposta" }),
        ],
        [Edge("start", "email"), Edge("email", "ok", "answered"), Edge("email", "bad", "invalid"), Edge("email", "late", "timeout")]);

    private int Sent(string phoneNumberId) => app.Graph.Sent.Count(s => s.PhoneNumberId == phoneNumberId);

    private async Task SentBecomesAsync(string phoneNumberId, int count)
    {
        for (var i = 0; i < 300 && Sent(phoneNumberId) < count; i++) await Task.Delay(100);
        Assert.Equal(count, Sent(phoneNumberId));
    }

    [Fact]
    public async Task The_leads_replies_resume_the_run_an_invalid_email_is_asked_again_and_the_valid_one_is_stored()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var workflowId = await owner.PublishAsync(EmailBot(), "Qualificação");

        var runId = await owner.StartAsync(workflowId, leadId);
        var waiting = await owner.RunAsync(runId, "waiting");
        Assert.Equal("whatsapp.received", (string?)waiting["waiting"]!["event_type"]);
        await SentBecomesAsync(phoneNumberId, 1);

        await SendTextAsync(app, phoneNumberId, from, "não sei", "Cliente");
        await SentBecomesAsync(phoneNumberId, 2);
        Assert.StartsWith("Esse e-mail não parece válido.", (string?)JsonNode.Parse(app.Graph.Sent.Last(s => s.PhoneNumberId == phoneNumberId).Body)!["text"]!["body"]);
        Assert.Equal("waiting", (string?)(await owner.GetJsonAsync($"/api/v1/workflow-runs/{runId}"))["status"]);

        await SendTextAsync(app, phoneNumberId, from, "é Ana.Souza@Example.com", "Cliente");
        var done = await owner.RunAsync(runId, "completed");
        Assert.Equal(["start", "email", "ok"], StepNodes(done).Distinct());
        var lead = await owner.GetJsonAsync($"/api/v1/leads/{leadId}");
        Assert.Equal("ana.souza@example.com", (string?)lead["custom_fields"]!["email_contato"]);
        Assert.Contains("qualificado", lead["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(2, Sent(phoneNumberId)); // a resumed step never sends again

        var funnel = await owner.GetJsonAsync($"/api/v1/workflows/{workflowId}/funnel");
        var question = funnel["steps"]!.AsArray().Single()!;
        Assert.Equal(("email", 1, 1), ((string?)question["node_id"], (int)question["reached"]!, (int)question["answered"]!));
    }

    [Fact]
    public async Task Atendente_mid_flow_hands_the_lead_to_a_person_and_ends_the_run()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var rep = await owner.AddMemberAsync("sales_rep");
        var (leadId, from) = await CustomerWritesAsync(app, owner, phoneNumberId);
        var workflowId = await owner.PublishAsync(EmailBot(), "Qualificação");
        var runId = await owner.StartAsync(workflowId, leadId);
        await owner.RunAsync(runId, "waiting");

        await SendTextAsync(app, phoneNumberId, from, "quero falar com um atendente", "Cliente");
        var done = await owner.RunAsync(runId, "completed");
        Assert.Equal(["start", "email"], StepNodes(done).Distinct());
        Assert.True((bool)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages/handoff"))["handled_by_human"]!);
        var lead = await owner.GetJsonAsync($"/api/v1/leads/{leadId}");
        Assert.DoesNotContain("qualificado", lead["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(rep.UserId.ToString(), (string?)lead["owner_id"]); // the only sales rep, by round robin (the lead had no owner)
    }
}

public sealed class QualificationBotRunTestsOnSqlite(InboundSqliteApp app) : QualificationBotRunTests(app), IClassFixture<InboundSqliteApp>;

public sealed class QualificationBotRunTestsOnPostgres(InboundPostgresApp app) : QualificationBotRunTests(app), IClassFixture<InboundPostgresApp>;
