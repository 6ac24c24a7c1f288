using System.Net;
using System.Net.Http.Json;
using System.Text;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>The webhook trigger: <c>POST /api/hooks/workflows/{id}</c> with the workflow's secret in <c>X-Workflow-Secret</c>.</summary>
public abstract class WorkflowWebhookTriggerTests(WorkflowIntegrationAppBase app)
{
    private static readonly object Webhook = WorkflowGraphs.TriggerThenTag(new { kind = "webhook" });

    private async Task<(Session Owner, Guid WorkflowId, string Secret)> PublishedAsync()
    {
        var owner = await app.RegisterAsync();
        var id = Guid.Parse(await owner.PublishAsync(Webhook));
        var secret = await owner.GetJsonAsync($"/api/v1/workflows/{id}/webhook-secret");
        Assert.Equal($"/api/hooks/workflows/{id}", (string?)secret["url"]);
        Assert.Equal("X-Workflow-Secret", (string?)secret["header"]);
        return (owner, id, (string)secret["secret"]!);
    }

    private Task<HttpResponseMessage> CallAsync(Guid workflowId, string? secret, string body = """{"email":"ana@cliente.example","plan":"ouro"}""", string type = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/workflows/{workflowId}") { Content = new StringContent(body, Encoding.UTF8, type) };
        if (secret is not null) request.Headers.Add("X-Workflow-Secret", secret);
        return app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_call_with_the_secret_queues_a_run_with_the_body_as_input_and_the_lead_found_by_email()
    {
        var (owner, id, secret) = await PublishedAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Ana", email = "Ana@Cliente.example" });

        var accepted = await (await CallAsync(id, secret)).ExpectAsync(HttpStatusCode.Accepted);

        var request = Assert.Single(app.Starter.For(id));
        Assert.Equal(accepted["queue_item_id"]!.ToString(), app.Starter.Requests.Single(r => r.Request.WorkflowId == id).QueueId.ToString());
        Assert.Equal(("webhook", owner.TenantId, Guid.Parse((string)lead["id"]!), "ouro"), (request.TriggerKind, request.TenantId, request.LeadId!.Value, (string)request.Input!["plan"]!));
    }

    [Fact]
    public async Task A_missing_or_wrong_secret_is_401_and_starts_nothing()
    {
        var (_, id, secret) = await PublishedAsync();

        await (await CallAsync(id, null)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await CallAsync(id, secret + "x")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await CallAsync(Guid.CreateVersion7(), secret)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        Assert.Empty(app.Starter.For(id));
    }

    [Fact]
    public async Task The_secret_of_one_workspace_workflow_does_not_start_another_workspace_workflow()
    {
        var (_, workflowA, secretA) = await PublishedAsync();
        var (_, workflowB, secretB) = await PublishedAsync();

        await (await CallAsync(workflowB, secretA)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await CallAsync(workflowA, secretB)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        Assert.Empty(app.Starter.For(workflowA));
        Assert.Empty(app.Starter.For(workflowB));
    }

    [Fact]
    public async Task A_switched_off_workflow_answers_409()
    {
        var (owner, id, secret) = await PublishedAsync();
        await owner.SetActiveAsync(id, false);

        await (await CallAsync(id, secret)).ExpectProblemAsync(HttpStatusCode.Conflict, "WORKFLOW_NOT_ACTIVE");
        Assert.Empty(app.Starter.For(id));
    }

    [Fact]
    public async Task Rotating_the_secret_retires_the_old_one_at_once()
    {
        var (owner, id, old) = await PublishedAsync();

        var rotated = await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/webhook-secret", null)).ExpectAsync(HttpStatusCode.OK);
        var fresh = (string)rotated["secret"]!;

        Assert.NotEqual(old, fresh);
        await (await CallAsync(id, old)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await CallAsync(id, fresh)).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(fresh, (string?)(await owner.GetJsonAsync($"/api/v1/workflows/{id}/webhook-secret"))["secret"]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_a_body_that_is_not_JSON_is_415()
    {
        var (_, id, secret) = await PublishedAsync();

        await (await CallAsync(id, secret, "{\"x\":\"" + new string('a', 300 * 1024) + "\"}")).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await CallAsync(id, secret, "a=1", "application/x-www-form-urlencoded")).ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(app.Starter.For(id));
    }

    [Fact]
    public async Task A_workflow_without_a_webhook_trigger_has_no_secret()
    {
        var owner = await app.RegisterAsync();
        var id = Guid.Parse(await owner.PublishAsync(WorkflowGraphs.TriggerThenTag(new { kind = "manual" })));

        await (await owner.Client.GetAsync($"/api/v1/workflows/{id}/webhook-secret")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}

public sealed class WorkflowWebhookTriggerTestsOnSqlite(WorkflowIntegrationSqliteApp app) : WorkflowWebhookTriggerTests(app), IClassFixture<WorkflowIntegrationSqliteApp>;

public sealed class WorkflowWebhookTriggerTestsOnPostgres(WorkflowIntegrationPostgresApp app) : WorkflowWebhookTriggerTests(app), IClassFixture<WorkflowIntegrationPostgresApp>;
