using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SalesCrm.Core.Data;
using SalesCrm.Core.Email;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Features.Workflows;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Templates;

/// <summary>
/// Each shipped template published unchanged and driven the way it is in production: a signed Meta Lead Ads webhook, the
/// lead's signed WhatsApp replies, a deal moved to won, the two days of silence passing, the Monday schedule firing.
/// Only Meta's and WhatsApp's Graph API and the ERP are stubs.
/// </summary>
public abstract class WorkflowTemplateRunsTests(WorkflowTemplatesAppBase app)
{
    private IEnumerable<JsonNode> SentTo(string phoneNumberId) =>
        app.Graph.Sent.Where(s => s.PhoneNumberId == phoneNumberId).Select(s => JsonNode.Parse(s.Body)!);

    private async Task<JsonNode> SentBecomesAsync(string phoneNumberId, int count)
    {
        await Eventually.TrueAsync(() => SentTo(phoneNumberId).Count() >= count, 30);
        Assert.Equal(count, SentTo(phoneNumberId).Count());
        return SentTo(phoneNumberId).Last();
    }

    private static async Task<JsonNode> OnlyRunAsync(Session owner, string workflowId, string status, string? leadId = null)
    {
        var runs = await Eventually.GetAsync(owner, $"/api/v1/workflow-runs?workflow_id=eq.{workflowId}" + (leadId is null ? "" : $"&lead_id=eq.{leadId}"),
            r => (int)r["total"]! == 1);
        return await owner.RunAsync((string)runs["items"]![0]!["id"]!, status);
    }

    [Fact]
    public async Task Boas_vindas_a_signed_meta_lead_is_assigned_by_round_robin_welcomed_with_the_whatsapp_template_and_gets_a_follow_up_task()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var rep = await owner.AddMemberAsync("sales_rep");
        var pageId = await InboundDoors.ConnectMetaPageAsync(owner);
        await owner.ApprovedTemplateAsync("boas_vindas_lead", "Olá, {{first_name}}! Aqui é {{owner_name}}. Recebemos seu cadastro.");
        var workflowId = await owner.PublishTemplateAsync("meta-lead-welcome");

        var leadgen = $"77{pageId}";
        var phone = LeadApi.Phone(Random.Shared.Next(1, 9_000_000));
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Renata Campos", ["email"] = "renata@exemplo.com", ["phone_number"] = phone };
        await app.PostLeadgenAsync(pageId, leadgen);
        var lead = await InboundDoors.LeadNamedAsync(owner, "Renata Campos");
        var leadId = (string)lead["id"]!;

        var run = await OnlyRunAsync(owner, workflowId, "completed", leadId);
        Assert.Equal(["start", "rodizio", "boas_vindas", "follow_up"], StepNodes(run));
        var sent = await SentBecomesAsync(phoneNumberId, 1);
        Assert.Equal("template", (string?)sent["type"]);
        Assert.Equal("boas_vindas_lead", (string?)sent["template"]!["name"]);
        Assert.Equal(phone.TrimStart('+'), (string?)sent["to"]);
        var after = await owner.GetJsonAsync($"/api/v1/leads/{leadId}");
        Assert.Equal(("meta_ads", rep.UserId.ToString()), ((string?)after["source"], (string?)after["owner_id"]));
        Assert.Equal("Ligar para Renata Campos (lead do Meta)", (string?)after["next_activity"]!["title"]);
    }

    [Fact]
    public async Task Lembrete_sem_resposta_after_two_silent_days_takes_the_timeout_branch_nudges_on_whatsapp_and_creates_a_call_task()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        await owner.ApprovedTemplateAsync("retomar_contato", "Olá, {{first_name}}! Podemos retomar nossa conversa?");
        var workflowId = await owner.PublishTemplateAsync("no-reply-reminder");
        var leadId = (string)(await owner.CreateLeadAsync(new { name = "Paulo Silêncio", phone = LeadApi.Phone(Random.Shared.Next(1, 9_000_000)), source = "meta_ads" }))["id"]!;

        var waiting = await OnlyRunAsync(owner, workflowId, "waiting", leadId);
        Assert.Equal("whatsapp.received", (string?)waiting["waiting"]!["event_type"]);
        var until = (DateTime)waiting["waiting"]!["until"]!;
        Assert.InRange(until.ToUniversalTime() - DateTime.UtcNow, TimeSpan.FromHours(47), TimeSpan.FromHours(48));

        // Two days pass: the engine's clock reads the run's deadline, so the deadline is moved into the past.
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
            await db.WorkflowRuns.IgnoreQueryFilters().Where(r => r.Id == Guid.Parse((string)waiting["id"]!))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.WaitUntil, DateTime.UtcNow.AddSeconds(-1)));
        app.Services.GetRequiredService<WorkflowSignal>().Notify();

        var done = await owner.RunAsync((string)waiting["id"]!, "completed");
        Assert.Equal(["start", "espera", "retomar", "ligar"], StepNodes(done));
        var nudge = await SentBecomesAsync(phoneNumberId, 1);
        Assert.Equal("retomar_contato", (string?)nudge["template"]!["name"]);
        var lead = await owner.GetJsonAsync($"/api/v1/leads/{leadId}");
        Assert.Equal("Lead sem resposta há 2 dias: ligar para Paulo Silêncio", (string?)lead["next_activity"]!["title"]);
        Assert.DoesNotContain("respondeu", lead["tags"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task Qualificacao_whatsapp_answered_through_signed_webhooks_stores_five_answers_moves_to_qualificado_and_hands_off()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var rep = await owner.AddMemberAsync("sales_rep");
        var stages = await owner.StagesAsync();
        var workflowId = await owner.PublishTemplateAsync("whatsapp-qualification");

        // The first message of a new conversation starts the bot.
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await SendTextAsync(app, phoneNumberId, from, "Oi, quero saber do sistema de caixa", "Cliente");
        await SentBecomesAsync(phoneNumberId, 1);
        var leadId = (string)(await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.%2B{from}", b => (int)b["total"]! == 1))["items"]![0]!["id"]!;
        var run = await OnlyRunAsync(owner, workflowId, "waiting", leadId);

        string[] answers = ["Meu nome é Ana Beatriz", "Campinas", "3 caixas", "Este mês", "uns 300 reais por mês"];
        for (var i = 0; i < answers.Length; i++)
        {
            await SendTextAsync(app, phoneNumberId, from, answers[i], "Cliente");
            await SentBecomesAsync(phoneNumberId, i + 2); // the next question, then the hand-off message
        }
        Assert.Contains("consultor", (string?)SentTo(phoneNumberId).Last()["text"]!["body"]);

        var done = await owner.RunAsync((string)run["id"]!, "completed");
        Assert.Equal(["start", "nome", "cidade", "caixas", "prazo", "orcamento", "pontuacao", "qualificado", "vendedor"], StepNodes(done).Distinct());
        var lead = await owner.GetJsonAsync($"/api/v1/leads/{leadId}");
        var custom = lead["custom_fields"]!;
        Assert.Equal("Ana Beatriz", (string?)lead["name"]);
        Assert.Equal("Campinas", (string?)custom["cidade"]);
        Assert.Equal(3m, (decimal)custom["numero_caixas"]!);
        Assert.NotNull(custom["prazo"]);
        Assert.Equal(300m, (decimal)custom["orcamento_mensal"]!);
        Assert.Equal(stages["Qualificado"], (string?)lead["stage_id"]);
        Assert.Equal(rep.UserId.ToString(), (string?)lead["owner_id"]);
        Assert.True((bool)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages/handoff"))["handled_by_human"]!);

        var funnel = await owner.GetJsonAsync($"/api/v1/workflows/{workflowId}/funnel");
        Assert.All(funnel["steps"]!.AsArray(), s => Assert.Equal((1, 1), ((int)s!["reached"]!, (int)s["answered"]!)));
    }

    [Fact]
    public async Task Negocio_ganho_posts_the_won_lead_to_the_erp_url_and_thanks_the_customer_on_whatsapp()
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        await using var erp = new WebhookReceiver();
        var (leadId, _) = await CustomerWritesAsync(app, owner, phoneNumberId); // inside the 24-hour window: the thanks go as text
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{leadId}", new { name = "Marcos Ganhou", company = "Mercado Bom Preço", value = 4800 })).ExpectAsync(HttpStatusCode.OK);
        var workflowId = await owner.PublishTemplateAsync("deal-won-erp", new { erp_url = erp.Url });
        var stages = await owner.StagesAsync();

        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{leadId}/stage", new { stage_id = stages["Ganho"] })).ExpectAsync(HttpStatusCode.OK);

        var posted = await erp.WaitForAsync(_ => true, TimeSpan.FromSeconds(30));
        var body = JsonNode.Parse(posted.Body)!;
        Assert.Equal(("negocio_ganho", leadId, "Marcos Ganhou", "Mercado Bom Preço"), ((string?)body["evento"], (string?)body["lead_id"], (string?)body["nome"], (string?)body["empresa"]));
        Assert.Equal(4800m, (decimal)body["valor"]!); // a lone variable keeps its JSON type
        var done = await OnlyRunAsync(owner, workflowId, "completed", leadId);
        Assert.Equal(["start", "erp", "obrigado"], StepNodes(done));
        var thanks = await SentBecomesAsync(phoneNumberId, 1);
        Assert.StartsWith("Marcos, muito obrigado", (string?)thanks["text"]!["body"]);
    }

    [Fact]
    public async Task Resumo_semanal_the_monday_schedule_emails_the_managers_a_digest_of_the_pipeline()
    {
        var owner = await app.RegisterAsync();
        var manager = await owner.AddMemberAsync("manager");
        var stages = await owner.StagesAsync();
        await owner.CreateLeadAsync(new { name = "Loja A", value = 1000, stage_id = stages["Qualificado"] });
        await owner.CreateLeadAsync(new { name = "Loja B", value = 2500.5, stage_id = stages["Qualificado"] });
        var won = (string)(await owner.CreateLeadAsync(new { name = "Loja C", value = 1200, stage_id = stages["Qualificado"] }))["id"]!;
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{won}/stage", new { stage_id = stages["Ganho"] })).ExpectAsync(HttpStatusCode.OK);
        var workflowId = await owner.PublishTemplateAsync("weekly-funnel-digest");

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(WorkflowSchedules.TriggerOf(Guid.Parse(workflowId), "start")));
        Assert.Equal(("0 0 8 ? * MON", "America/Sao_Paulo"), (trigger.CronExpressionString, trigger.TimeZone.Id));
        await scheduler.TriggerJob(WorkflowSchedules.JobOf(Guid.Parse(workflowId)));

        var run = await OnlyRunAsync(owner, workflowId, "completed");
        Assert.Equal(["start", "resumo"], StepNodes(run));
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var email = await db.Set<EmailMessage>().IgnoreQueryFilters().SingleAsync(m => m.WorkflowRunId == Guid.Parse((string)run["id"]!));
        Assert.Equal((owner.TenantId, EmailStatuses.NotSent), (email.TenantId, email.Status)); // no SMTP server configured in tests
        Assert.Equal($"{owner.Email}, {manager.Email}", email.To);
        Assert.StartsWith("Resumo semanal do funil — ", email.Subject);
        Assert.Contains("• Qualificado: 2 leads, R$ 3.500,50", email.Body);
        Assert.Contains("Total em aberto: 2 leads, R$ 3.500,50", email.Body);
        Assert.Contains("Últimos 7 dias: 3 leads novos, 1 negócio ganho (R$ 1.200,00) e 0 perdidos.", email.Body);
    }
}

public sealed class WorkflowTemplateRunsTestsOnSqlite(WorkflowTemplatesSqliteApp app) : WorkflowTemplateRunsTests(app), IClassFixture<WorkflowTemplatesSqliteApp>;

public sealed class WorkflowTemplateRunsTestsOnPostgres(WorkflowTemplatesPostgresApp app) : WorkflowTemplateRunsTests(app), IClassFixture<WorkflowTemplatesPostgresApp>;
