using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>The executors of send_email, http_request, recalculate_score and call_workflow, run one step at a time.</summary>
public sealed class IntegrationNodeTests(WorkflowIntegrationSqliteApp app) : IClassFixture<WorkflowIntegrationSqliteApp>
{
    private async Task<(Session Owner, string LeadId, NodeRunner Runner)> LeadAsync(string? email = "ana@cliente.example")
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Ana Souza", email, company = "Solar SA" });
        var leadId = (string)lead["id"]!;
        return (owner, leadId, await new NodeRunner(owner).ForLeadAsync(leadId));
    }

    [Fact]
    public async Task Send_email_without_SMTP_completes_and_the_message_is_listed_on_the_lead_as_not_sent()
    {
        app.UseSmtp(false);
        var (owner, leadId, runner) = await LeadAsync();

        var outcome = await runner.RunAsync("send_email", new { subject = "Olá {{lead.name | first_name}}", body = "Sua proposta da {{lead.company}} está pronta." });

        Assert.Null(outcome.Error);
        Assert.Equal("next", outcome.Port);
        Assert.Equal("not_sent", (string?)outcome.Output!["status"]);
        var emails = await owner.GetJsonAsync($"/api/v1/emails?lead_id=eq.{leadId}");
        var email = emails["items"]!.AsArray().Single()!;
        Assert.Equal(("not_sent", "ana@cliente.example", "Olá Ana", "Sua proposta da Solar SA está pronta."),
            ((string)email["status"]!, (string)email["to"]!, (string)email["subject"]!, (string)email["body"]!));
        Assert.Empty(app.Smtp.Received);
    }

    [Fact]
    public async Task A_rep_who_sees_only_their_own_leads_does_not_see_e_mails_to_other_leads()
    {
        app.UseSmtp(false);
        var (owner, leadId, runner) = await LeadAsync();
        await runner.RunAsync("send_email", new { subject = "Oi", body = "Oi" });
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Own reader", capabilities = new[] { "leads.read", "leads.write" }, visibility = "own" }))
            .ExpectAsync(HttpStatusCode.Created);
        var rep = await owner.AddMemberAsync("Own reader");

        Assert.Equal(0, (int)(await rep.GetJsonAsync($"/api/v1/emails?lead_id=eq.{leadId}"))["total"]!);
        Assert.Equal(0, (int)(await rep.GetJsonAsync("/api/v1/emails"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/emails"))["total"]!);
    }

    [Fact]
    public async Task Send_email_with_SMTP_sends_once_even_when_the_step_runs_again()
    {
        app.UseSmtp(true);
        try
        {
            var (owner, leadId, runner) = await LeadAsync("bruno@cliente.example");
            var settings = new { to = "{{lead.email}}", subject = "Proposta", body = "Hello {{lead.name}}" };

            var first = await runner.RunAsync("send_email", settings);
            var again = await runner.RunAsync("send_email", settings);

            Assert.Equal("sent", (string?)first.Output!["status"]);
            Assert.Equal("sent", (string?)again.Output!["status"]);
            var mail = Assert.Single(app.Smtp.Received, m => m.To.Contains("bruno@cliente.example"));
            Assert.Contains("Subject: Proposta", mail.Data);
            Assert.Contains("Hello Ana Souza", mail.Data);
            var email = (await owner.GetJsonAsync($"/api/v1/emails?lead_id=eq.{leadId}"))["items"]!.AsArray().Single()!;
            Assert.Equal("sent", (string?)email["status"]);
            Assert.NotNull(email["sent_at"]);
        }
        finally
        {
            app.UseSmtp(false);
        }
    }

    [Fact]
    public async Task Send_email_to_a_recipient_the_server_refuses_fails_without_retry()
    {
        app.UseSmtp(true);
        app.Smtp.Refused["nobody@cliente.example"] = true;
        try
        {
            var (_, _, runner) = await LeadAsync("nobody@cliente.example");
            var outcome = await runner.RunAsync("send_email", new { subject = "Oi", body = "Oi" });
            Assert.NotNull(outcome.Error);
            Assert.False(outcome.Retryable);
            Assert.Equal("failed", (string?)outcome.Output!["status"]);
        }
        finally
        {
            app.UseSmtp(false);
        }
    }

    [Fact]
    public async Task Http_request_to_a_loopback_address_is_refused_by_the_webhook_SSRF_rules()
    {
        app.AllowPrivateTargets(false);
        await using var receiver = new WebhookReceiver();
        var (_, _, runner) = await LeadAsync();

        var literal = await runner.RunAsync("http_request", new { method = "POST", url = receiver.Url, body = new { name = "{{lead.name}}" } });
        var named = await runner.RunAsync("http_request", new { method = "POST", url = receiver.Url.Replace("127.0.0.1", "localhost") });

        foreach (var outcome in new[] { literal, named })
        {
            Assert.Contains("private network", outcome.Error);
            Assert.False(outcome.Retryable);
        }
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Http_request_retries_a_server_error_then_fails_the_step_as_retryable()
    {
        app.AllowPrivateTargets(true);
        await using var receiver = new WebhookReceiver();
        receiver.FailNext(10);
        var (_, _, runner) = await LeadAsync();

        var outcome = await runner.RunAsync("http_request", new { method = "POST", url = receiver.Url, body = new { lead = "{{lead.name}}" } });

        Assert.True(outcome.Retryable);
        Assert.Contains("500", outcome.Error);
        Assert.Equal(3, (int)outcome.Output!["attempts"]!);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal("{\"lead\":\"Ana Souza\"}", r.Body));
    }

    [Fact]
    public async Task Http_request_answered_4xx_takes_the_failed_port_without_retrying()
    {
        app.AllowPrivateTargets(true);
        await using var receiver = new WebhookReceiver { StatusWhenFailing = 422 };
        receiver.FailNext(5);
        var (_, _, runner) = await LeadAsync();

        var outcome = await runner.RunAsync("http_request", new { method = "POST", url = receiver.Url, body = new { } });

        Assert.Null(outcome.Error);
        Assert.Equal("failed", outcome.Port);
        Assert.Equal(422, (int)outcome.Output!["status"]!);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Http_request_renders_the_body_and_headers_and_returns_the_JSON_answer()
    {
        app.AllowPrivateTargets(true);
        await using var receiver = new WebhookReceiver { Echo = true };
        var (_, leadId, runner) = await LeadAsync();

        var outcome = await runner.RunAsync("http_request", new
        {
            method = "POST", url = receiver.Url, headers = new Dictionary<string, string> { ["X-Lead"] = "{{lead.id}}" },
            body = new { name = "{{lead.name}}", source = "crm", score = "{{lead.score}}" },
        }, input: new JsonObject { ["x"] = 1 });

        Assert.Equal("next", outcome.Port);
        Assert.Equal(200, (int)outcome.Output!["status"]!);
        Assert.Equal("Ana Souza", (string?)outcome.Output["body"]!["name"]);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(leadId, request.Headers["x-lead"]);
        Assert.Equal($"{runner.RunId:N}:n1", request.Headers["idempotency-key"]);
    }

    [Fact]
    public async Task Recalculate_score_rescores_the_lead_with_the_CRM_rules()
    {
        var (owner, leadId, runner) = await LeadAsync();
        var before = (int)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}"))["score"]!;
        await owner.Client.PatchAsync($"/api/v1/leads/{leadId}", JsonContent(new { phone = "+5511987650001", value = 1500 }));

        var outcome = await runner.RunAsync("recalculate_score", new { });

        var after = (int)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}"))["score"]!;
        Assert.Equal(after, (int)outcome.Output!["score"]!);
        Assert.True(after > before, $"{before} -> {after}");
    }

    [Fact]
    public async Task Call_workflow_queues_the_other_workflow_for_the_same_lead_one_level_deeper_on_the_same_correlation()
    {
        var (_, leadId, runner) = await LeadAsync();
        var target = Guid.CreateVersion7();

        var outcome = await runner.RunAsync("call_workflow", new { workflow_id = target, input = new { from = "{{lead.name}}" } }, depth: 2);

        Assert.Equal("next", outcome.Port);
        var request = Assert.Single(app.Starter.For(target));
        Assert.Equal((Guid.Parse(leadId), runner.CorrelationId, 3, "Ana Souza"), (request.LeadId!.Value, request.CorrelationId!.Value, request.Depth, (string)request.Input!["from"]!));
        Assert.Equal((string?)outcome.Output!["queue_item_id"], app.Starter.Requests.Single(r => r.Request.WorkflowId == target).QueueId.ToString());
    }

    private static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body, options: Api.Json);
}
