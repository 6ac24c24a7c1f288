using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.DryRuns.DryRunCalls;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.DryRuns;

/// <summary>A dry run through <c>call_workflow</c>: the called workflow's published version is walked under the step, refused or stopped as the engine would.</summary>
public abstract class WorkflowDryRunCallTests(CrmAppFactory app)
{
    private static async Task<string> LeadAsync(Session owner, string name) => (string)(await owner.CreateLeadAsync(new { name }))["id"]!;

    private static async Task<string> DraftAsync(Session owner, string name, object graph) =>
        (string)(await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name, graph })).ExpectAsync(HttpStatusCode.Created))["id"]!;

    private static async Task SaveDraftAsync(Session owner, string id, object graph) =>
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { graph })).ExpectAsync(HttpStatusCode.OK);

    private static async Task PublishDraftAsync(Session owner, string id) =>
        await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);

    private static IEnumerable<string?> Nodes(JsonNode steps) => steps.AsArray().Select(s => (string?)s!["node_id"]);

    [Fact]
    public async Task A_call_walks_the_called_workflows_published_version_with_its_input_under_the_step_and_the_caller_goes_on()
    {
        var owner = await app.RegisterAsync();
        var called = await owner.PublishAsync(Line(("note", "add_note", new { text = "Veio de {{run.input.origem}}" }), ("tag", "add_tag", new { tag = "chamada" })), "Chamada");
        await SaveDraftAsync(owner, called, Line(("draft", "add_tag", new { tag = "rascunho" })));
        var caller = await owner.PublishAsync(Line(("call", "call_workflow", new { workflow_id = called, input = new { origem = "{{lead.name}}" } }),
            ("after", "add_tag", new { tag = "depois" })));
        var lead = await LeadAsync(owner, "Carla Chamada");

        var result = await owner.DryRunAsync(caller, new { lead_id = lead });

        Assert.Equal(["start", "call", "after"], PathNodes(result));
        Assert.Equal(["call", "after"], ActionNodes(result));
        var step = Step(result, "call");
        Assert.Equal("next", (string?)step["port"]);
        var call = step["call"]!;
        Assert.Equal("walked", (string?)call["outcome"]);
        Assert.Equal(called, (string?)call["workflow_id"]);
        Assert.Equal("Chamada", (string?)call["name"]);
        Assert.Equal(1, (int?)call["version"]);
        Assert.Null(call["message"]);
        Assert.Equal(["start", "note", "tag"], Nodes(call["path"]!));
        Assert.Equal(["note", "tag"], call["actions"]!.AsArray().Select(a => (string?)a!["node_id"]));
        Assert.Equal("Veio de Carla Chamada", (string?)call["actions"]![0]!["settings"]!["text"]);
        Assert.Null(Step(result, "after")["call"]);
    }

    [Fact]
    public async Task A_call_to_a_workflow_the_engine_would_not_start_ends_the_callers_path_at_the_step_with_the_reason()
    {
        var owner = await app.RegisterAsync();
        var paused = await owner.PublishAsync(Line(("x", "add_tag", new { tag = "x" })), "Pausada");
        await owner.SetActiveAsync(Guid.Parse(paused), false);
        var unpublished = await DraftAsync(owner, "Rascunho", Line(("x", "add_tag", new { tag = "x" })));
        var deleted = await owner.PublishAsync(Line(("x", "add_tag", new { tag = "x" })), "Apagada");
        var lead = await LeadAsync(owner, "Recusa");

        Task<string> DryRunCallingAsync(string target) =>
            owner.PublishAsync(Line(("call", "call_workflow", new { workflow_id = target }), ("after", "add_tag", new { tag = "depois" })));
        var callsPaused = await DryRunCallingAsync(paused);
        var callsUnpublished = await DryRunCallingAsync(unpublished);
        var callsDeleted = await DryRunCallingAsync(deleted);
        await (await owner.Client.DeleteAsync($"/api/v1/workflows/{deleted}")).ExpectAsync(HttpStatusCode.NoContent);

        foreach (var (caller, outcome, name) in new[] { (callsPaused, "not_active", "Pausada"), (callsUnpublished, "not_active", "Rascunho"), (callsDeleted, "not_found", deleted) })
        {
            var result = await owner.DryRunAsync(caller, new { lead_id = lead }, "en");
            Assert.Equal(["start", "call"], PathNodes(result));
            var step = Step(result, "call");
            Assert.Null((string?)step["port"]);
            Assert.Equal(outcome, (string?)step["call"]!["outcome"]);
            Assert.True((bool?)step["call"]!["fails_caller"]);
            Assert.Empty(step["call"]!["path"]!.AsArray());
            var message = (string?)step["call"]!["message"];
            Assert.Contains(name, message);
            Assert.Contains("would fail", message);
            Assert.Equal(message, (string?)step["note"]);
            // Nothing would be started: the refused call is no action, and a paused workflow still names its published version.
            Assert.Empty(result["actions"]!.AsArray());
            Assert.Equal(caller == callsPaused ? 1 : null, (int?)step["call"]!["version"]);
        }

        // The engine does the same: the calling run fails at the call and never reaches the next step.
        var run = await owner.RunAsync(await owner.StartAsync(callsPaused, lead), "failed");
        Assert.Equal(["start", "call"], StepNodes(run));
        Assert.Contains("cannot be started", (string?)run["error"]);
    }

    [Fact]
    public async Task Workflows_calling_each_other_are_walked_down_to_the_engines_loop_guard_which_stops_the_repeated_run()
    {
        var owner = await app.RegisterAsync();
        var first = await DraftAsync(owner, "Primeira", Line(("tag", "add_tag", new { tag = "x" })));
        var second = await owner.PublishAsync(Line(("back", "call_workflow", new { workflow_id = first })), "Segunda");
        await SaveDraftAsync(owner, first, Line(("call", "call_workflow", new { workflow_id = second })));
        await PublishDraftAsync(owner, first);
        var lead = await LeadAsync(owner, "Laço");

        var result = await owner.DryRunAsync(first, new { lead_id = lead }, "en");

        // Depth 0 is this run; the engine starts runs down to depth MaxDepth and stops the next run of a workflow already on the chain.
        var maxDepth = new WorkflowEngineOptions().MaxDepth;
        var call = Step(result, "call")["call"]!;
        var walked = new List<string?>();
        while ((string?)call["outcome"] == "walked")
        {
            walked.Add((string?)call["name"]);
            var next = call["path"]!.AsArray().Last()!;
            Assert.Equal("call_workflow", (string?)next["type"]);
            Assert.Equal("next", (string?)next["port"]);
            call = next["call"]!;
        }
        Assert.Equal(maxDepth, walked.Count);
        Assert.Equal(["Segunda", "Primeira", "Segunda", "Primeira", "Segunda"], walked);
        Assert.Equal("loop_guard", (string?)call["outcome"]);
        Assert.Equal("Primeira", (string?)call["name"]);
        Assert.False((bool?)call["fails_caller"]);
        Assert.Contains("loop guard", (string?)call["message"]);
        Assert.Null(result["stopped_at"]);

        // The engine does the same: the runs it makes for the chain are the walked ones, then the one its loop guard stops.
        var run = await owner.StartAsync(first, lead);
        var correlation = (string)(await owner.GetJsonAsync($"/api/v1/workflow-runs/{run}"))["correlation_id"]!;
        var chain = (await Eventually.GetAsync(owner, $"/api/v1/workflow-runs?correlation_id=eq.{correlation}&order=started_at.asc&limit=50",
            r => r["items"]!.AsArray().Any(x => (string?)x!["sub_status"] == "loop_guard"), 60))["items"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, maxDepth + 2), chain.Select(r => (int)r!["depth"]!).Order());
        Assert.Equal("failed", (string?)chain.Single(r => (int)r!["depth"]! == maxDepth + 1)!["status"]);
        Assert.Equal(first, (string?)chain.Single(r => (int)r!["depth"]! == maxDepth + 1)!["workflow_id"]);
    }
}

public sealed class WorkflowDryRunCallTestsOnSqlite(SqliteApp app) : WorkflowDryRunCallTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowDryRunCallTestsOnPostgres(PostgresApp app) : WorkflowDryRunCallTests(app), IClassFixture<PostgresApp>;
