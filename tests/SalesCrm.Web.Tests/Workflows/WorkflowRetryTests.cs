using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>Retryable step failures (ADR 051): backoff, then an incident.</summary>
public abstract class WorkflowRetryTests(FlakyNodeApp app)
{
    [Fact]
    public async Task A_step_that_throws_once_is_tried_again_after_its_backoff_and_the_run_goes_on()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Line(("call", "add_note", new { text = "throw-once" }), ("tag", "add_tag", new { tag = "depois" })));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Instável" }))["id"]!;
        var run = await owner.RunAsync(await owner.StartAsync(workflowId, lead), "completed");
        Assert.Equal(["start", "call", "tag"], StepNodes(run));
        var call = run["steps"]![1]!;
        Assert.Equal(("completed", 2, 2), ((string?)call["status"], (int)call["attempt"]!, (int)call["output"]!["attempt"]!));
        Assert.Null(call["error"]);
        Assert.Equal(0, (int)run["incident_count"]!);
    }

    [Fact]
    public async Task A_step_that_keeps_failing_fails_the_run_with_an_incident_once_its_retries_are_spent()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Line(("call", "add_note", new { text = "fail-always" }), ("tag", "add_tag", new { tag = "nunca" })));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Sempre falha" }))["id"]!;
        var run = await owner.RunAsync(await owner.StartAsync(workflowId, lead), "failed");
        Assert.Equal(["start", "call"], StepNodes(run));
        var call = run["steps"]![1]!;
        Assert.Equal(("failed", 3), ((string?)call["status"], (int)call["attempt"]!));
        Assert.Equal("provider said 503 (attempt 3)", (string?)call["error"]);
        Assert.Equal(1, (int)run["incident_count"]!);
        Assert.Equal("call", (string?)run["current_node"]);
        Assert.DoesNotContain("nunca", (await owner.GetJsonAsync($"/api/v1/leads/{lead}"))["tags"]!.AsArray().Select(t => (string?)t));
    }
}

public sealed class WorkflowRetryTestsOnSqlite(FlakyNodeSqliteApp app) : WorkflowRetryTests(app), IClassFixture<FlakyNodeSqliteApp>;

public sealed class WorkflowRetryTestsOnPostgres(FlakyNodePostgresApp app) : WorkflowRetryTests(app), IClassFixture<FlakyNodePostgresApp>;
