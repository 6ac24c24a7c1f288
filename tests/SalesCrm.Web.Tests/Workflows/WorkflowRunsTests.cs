using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>The workflow engine end to end (ADR 051): triggers, steps, waits, failures, the loop guard and who sees runs.</summary>
public abstract class WorkflowRunsTests(CrmAppFactory app)
{
    /// <summary>Meta lead → value ≥ 1000? → tag hot, priority high, custom field, follow-up task; else tag cold.</summary>
    private static object MetaGraph() => Graph(
        [
            Node("start", "trigger", new { kind = "event", event_type = "lead.created", filter = "source=eq.meta_ads" }),
            Node("big", "condition", new { field = "lead.value", @operator = "gte", value = 1000 }),
            Node("hot", "add_tag", new { tag = "hot" }),
            Node("priority", "set_field", new { field = "lead.priority", value = "high" }),
            Node("campaign", "set_field", new { field = "lead.custom.origem", value = "{{lead.source}}-{{event.payload.name}}" }),
            Node("task", "create_activity", new { title = "Ligar para {{lead.name}}", activity_type = "call", due_in = "PT2H" }),
            Node("cold", "add_tag", new { tag = "cold" }),
        ],
        [Edge("start", "big"), Edge("big", "hot", "true"), Edge("hot", "priority"), Edge("priority", "campaign"), Edge("campaign", "task"), Edge("big", "cold", "false")]);

    [Fact]
    public async Task A_meta_lead_starts_the_published_workflow_whose_actions_show_through_the_api_and_other_sources_start_nothing()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(MetaGraph(), "Boas-vindas Meta");
        var site = (string)(await owner.CreateLeadAsync(new { name = "Site Lead", source = "website", value = 5000 }))["id"]!;
        var meta = (string)(await owner.CreateLeadAsync(new { name = "Maria Meta", source = "meta_ads", value = 5000 }))["id"]!;

        var runs = await Eventually.GetAsync(owner, $"/api/v1/workflow-runs?workflow_id=eq.{workflowId}&lead_id=eq.{meta}",
            r => r["items"]!.AsArray().Any(x => (string?)x!["status"] == "completed"));
        var summary = runs["items"]![0]!;
        Assert.Equal(1, (int)summary["version"]!);
        Assert.Equal(0, (int)summary["incident_count"]!);
        Assert.Null(summary["steps"]);
        var run = await owner.GetJsonAsync($"/api/v1/workflow-runs/{summary["id"]}");
        Assert.Equal(["start", "big", "hot", "priority", "campaign", "task"], StepNodes(run));
        Assert.All(run["steps"]!.AsArray(), s =>
        {
            Assert.Equal("completed", (string?)s!["status"]);
            Assert.Equal(1, (int)s["attempt"]!);
            Assert.True((long)s["duration_ms"]! >= 0);
            Assert.NotNull(s["started_at"]);
        });
        Assert.Equal("true", (string?)run["steps"]![1]!["port"]);
        Assert.Equal(workflowId, (string?)run["workflow_id"]);
        Assert.NotNull(run["finished_at"]);

        var lead = await owner.GetJsonAsync($"/api/v1/leads/{meta}");
        Assert.Contains("hot", lead["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("high", (string?)lead["priority"]);
        Assert.Equal("meta_ads-Maria Meta", (string?)lead["custom_fields"]!["origem"]);
        Assert.Equal("Ligar para Maria Meta", (string?)lead["next_activity"]!["title"]);
        // The lead service recorded the changes as the workflow's.
        var updates = await owner.GetJsonAsync($"/api/v1/events?type=eq.lead.updated&lead_id=eq.{meta}");
        Assert.All(updates["items"]!.AsArray(), e => Assert.Equal("workflow", (string?)e!["actor"]!["type"]));
        Assert.Equal((string?)run["correlation_id"], (string?)updates["items"]![0]!["correlation_id"]);
        var started = await owner.GetJsonAsync($"/api/v1/events?type=in.(workflow.started,workflow.completed)&lead_id=eq.{meta}");
        Assert.Equal(2, (int)started["total"]!);

        Assert.Empty(await owner.RunsAsync(workflowId, site));
        Assert.DoesNotContain("hot", (await owner.GetJsonAsync($"/api/v1/leads/{site}"))["tags"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task The_condition_takes_its_false_port_for_a_small_lead()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(MetaGraph());
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Pequeno", source = "meta_ads", value = 10 }))["id"]!;
        var runs = await Eventually.GetAsync(owner, $"/api/v1/workflow-runs?workflow_id=eq.{workflowId}&status=eq.completed", r => (int)r["total"]! == 1);
        var run = await owner.GetJsonAsync($"/api/v1/workflow-runs/{runs["items"]![0]!["id"]}");
        Assert.Equal(["start", "big", "cold"], StepNodes(run));
        Assert.Equal(false, (bool?)run["steps"]![1]!["output"]!["result"]);
        var tags = (await owner.GetJsonAsync($"/api/v1/leads/{lead}"))["tags"]!.AsArray().Select(t => (string?)t).ToList();
        Assert.Contains("cold", tags);
        Assert.DoesNotContain("hot", tags);
    }

    [Fact]
    public async Task The_runs_start_and_end_reach_the_event_bus_once_committed_so_open_pages_follow_the_run()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "seguido" })));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Acompanhado" }))["id"]!;
        var heard = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var bus = app.Services.GetRequiredService<SalesCrm.Core.Events.ICrmEventBus>();
        using var subscription = bus.Subscribe(e =>
        {
            if (e.LeadId == Guid.Parse(lead)) heard.Enqueue(e.Type);
            return Task.CompletedTask;
        });
        await owner.RunAsync(await owner.StartAsync(workflowId, lead), "completed");
        await Eventually.TrueAsync(() => heard.Contains("workflow.completed"));
        Assert.Contains("workflow.started", heard);
        Assert.Contains("lead.updated", heard);
    }

    [Fact]
    public async Task A_run_is_refused_for_a_draft_and_a_waiting_run_can_be_cancelled_once()
    {
        var owner = await app.RegisterAsync();
        var draft = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Rascunho", graph = Line(("tag", "add_tag", new { tag = "x" })) }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/workflows/{draft["id"]}/run", new { })).ExpectProblemAsync(HttpStatusCode.Conflict, "WORKFLOW_NOT_ACTIVE");

        var workflowId = await owner.PublishAsync(Line(("wait", "delay", new { duration = "PT1H" }), ("tag", "add_tag", new { tag = "late" })));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Espera" }))["id"]!;
        var runId = await owner.StartAsync(workflowId, lead);
        var waiting = await owner.RunAsync(runId, "waiting");
        Assert.Equal("delay", (string?)waiting["sub_status"]);
        var until = DateTime.Parse((string)waiting["waiting"]!["until"]!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.InRange(until, DateTime.UtcNow.AddMinutes(50), DateTime.UtcNow.AddMinutes(61));
        Assert.Equal("waiting", (string?)waiting["steps"]!.AsArray().Last()!["status"]);

        var cancelled = await (await owner.Client.PostAsync($"/api/v1/workflow-runs/{runId}/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", (string?)cancelled["status"]);
        await (await owner.Client.PostAsync($"/api/v1/workflow-runs/{runId}/cancel", null)).ExpectProblemAsync(HttpStatusCode.Conflict, "WORKFLOW_RUN_FINISHED");
        await (await owner.Client.PostAsync($"/api/v1/workflow-runs/{runId}/retry", null)).ExpectProblemAsync(HttpStatusCode.Conflict, "WORKFLOW_RUN_FINISHED");
        await (await owner.Client.PostAsync($"/api/v1/workflow-runs/{Guid.NewGuid()}/cancel", null)).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        var listed = await owner.GetJsonAsync($"/api/v1/workflow-runs?status=in.(waiting,cancelled)&trigger_kind=eq.manual&workflow_id=eq.{workflowId}");
        Assert.Equal([runId], listed["items"]!.AsArray().Select(r => (string)r!["id"]!));
        // A pattern is not a value: it is not checked against the list.
        Assert.Equal([runId], (await owner.GetJsonAsync($"/api/v1/workflow-runs?status=like.cancel*&workflow_id=eq.{workflowId}"))["items"]!.AsArray().Select(r => (string)r!["id"]!));
        var typo = await (await owner.Client.GetAsync("/api/v1/workflow-runs?status=eq.bogus")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("cancelled", (string?)typo["errors"]!["status"]![0]);
        await (await owner.Client.GetAsync("/api/v1/workflow-runs?trigger_kind=in.(manual,cron)")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.GetAsync("/api/v1/workflow-queue?status=eq.done")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_failing_step_fails_the_run_with_an_incident_and_a_retry_runs_again_from_that_step()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "first" }), ("mail", "set_field", new { field = "lead.email", value = "{{lead.custom.mail}}" }),
            ("done", "add_tag", new { tag = "done" })));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Sem e-mail", custom_fields = new { mail = "not-an-email" } }))["id"]!;
        var runId = await owner.StartAsync(workflowId, lead);
        var failed = await owner.RunAsync(runId, "failed");
        Assert.Equal(1, (int)failed["incident_count"]!);
        Assert.Equal("incident", (string?)failed["sub_status"]);
        var step = failed["steps"]!.AsArray().Last()!;
        Assert.Equal(("mail", "failed"), ((string?)step["node_id"], (string?)step["status"]));
        Assert.Contains("email", (string?)step["error"]);
        var events = await owner.GetJsonAsync($"/api/v1/events?type=eq.workflow.failed&lead_id=eq.{lead}");
        Assert.Equal(1, (int)events["total"]!);

        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead}", new { custom_fields = new { mail = "certo@example.com" } })).ExpectAsync(HttpStatusCode.OK);
        var retried = await (await owner.Client.PostAsync($"/api/v1/workflow-runs/{runId}/retry", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("running", (string?)retried["status"]);
        var completed = await owner.RunAsync(runId, "completed");
        Assert.Equal(["start", "tag", "mail", "done"], StepNodes(completed));
        var mail = completed["steps"]![2]!;
        Assert.Equal(("completed", 2), ((string?)mail["status"], (int)mail["attempt"]!));
        Assert.Equal(1, (int)completed["incident_count"]!);
        Assert.Equal("certo@example.com", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{lead}"))["email"]);
    }

    [Fact]
    public async Task A_delay_keeps_the_run_waiting_until_its_time_and_the_next_step_runs_once()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Line(("wait", "delay", new { duration = "PT2S" }), ("tag", "add_tag", new { tag = "after-delay" }),
            ("note", "add_note", new { text = "Esperou {{nodes.wait.output.until}}" })));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Atraso" }))["id"]!;
        var runId = await owner.StartAsync(workflowId, lead);
        var completed = await owner.RunAsync(runId, "completed");
        Assert.Equal(["start", "wait", "tag", "note"], StepNodes(completed));
        Assert.Equal(true, (bool?)completed["steps"]![1]!["output"]!["waited"]);
        var notes = await owner.GetJsonAsync($"/api/v1/leads/{lead}/interactions?type=note");
        Assert.Equal(1, (int)notes["total"]!);
        Assert.StartsWith("Esperou 20", (string?)notes["items"]![0]!["text"]);
    }

    [Fact]
    public async Task Wait_for_event_resumes_on_the_leads_event_or_takes_the_timeout_port()
    {
        var owner = await app.RegisterAsync();
        object WaitForNote(string timeout) => Graph(
            [
                Node("start", "trigger", new { kind = "manual" }),
                Node("reply", "wait_for_event", new { event_type = "interaction.created", timeout }),
                Node("yes", "add_tag", new { tag = "replied" }),
                Node("no", "add_tag", new { tag = "silent" }),
            ],
            [Edge("start", "reply"), Edge("reply", "yes", "received"), Edge("reply", "no", "timeout")]);
        var patient = await owner.PublishAsync(WaitForNote("PT1H"));
        var impatient = await owner.PublishAsync(WaitForNote("PT1S"));
        var answering = (string)(await owner.CreateLeadAsync(new { name = "Responde" }))["id"]!;
        var other = (string)(await owner.CreateLeadAsync(new { name = "Outro" }))["id"]!;
        var silent = (string)(await owner.CreateLeadAsync(new { name = "Calado" }))["id"]!;

        var waitingRun = await owner.StartAsync(patient, answering);
        var waiting = await owner.RunAsync(waitingRun, "waiting");
        Assert.Equal("interaction.created", (string?)waiting["waiting"]!["event_type"]);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{other}/interactions", new { type = "note", text = "outro lead" })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{answering}/interactions", new { type = "note", text = "respondeu" })).ExpectAsync(HttpStatusCode.Created);
        var received = await owner.RunAsync(waitingRun, "completed");
        Assert.Equal(["start", "reply", "yes"], StepNodes(received));
        Assert.Equal("respondeu", (string?)received["steps"]![1]!["output"]!["payload"]!["text"]);

        var timedOut = await owner.RunAsync(await owner.StartAsync(impatient, silent), "completed");
        Assert.Equal(["start", "reply", "no"], StepNodes(timedOut));
        Assert.Contains("silent", (await owner.GetJsonAsync($"/api/v1/leads/{silent}"))["tags"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task A_workflow_retriggered_by_its_own_changes_to_the_same_lead_stops_at_the_depth_limit_with_an_incident()
    {
        var owner = await app.RegisterAsync();
        var workflowId = await owner.PublishAsync(Graph(
            [
                Node("start", "trigger", new { kind = "event", event_type = "lead.updated" }),
                Node("touch", "set_field", new { field = "lead.custom.touched_by", value = "{{run.id}}" }),
            ],
            [Edge("start", "touch")]));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Laço" }))["id"]!;
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead}", new { company = "ACME" })).ExpectAsync(HttpStatusCode.OK);

        var stopped = await Eventually.GetAsync(owner, $"/api/v1/workflow-runs?workflow_id=eq.{workflowId}&sub_status=eq.loop_guard", r => (int)r["total"]! == 1, 60);
        var guard = stopped["items"]![0]!;
        Assert.Equal(("failed", 1, 6), ((string?)guard["status"], (int)guard["incident_count"]!, (int)guard["depth"]!));
        Assert.Contains("Loop guard", (string?)guard["error"]);
        // Depths 0 to 5 ran; the seventh run stopped and started nothing more.
        await Task.Delay(1500);
        var all = await owner.RunsAsync(workflowId, lead);
        Assert.Equal(7, all.Count);
        Assert.Equal(6, all.Count(r => (string?)r!["status"] == "completed"));
        Assert.Single(all.Select(r => (string?)r!["correlation_id"]).Distinct());
    }

    [Fact]
    public async Task Runs_are_invisible_to_another_workspace_and_a_rep_with_own_visibility_sees_only_runs_of_their_leads()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var workflowId = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "visto" })));
        var repsLead = (string)(await owner.CreateLeadAsync(new { name = "Do rep", owner_id = rep.UserId }))["id"]!;
        var ownersLead = (string)(await owner.CreateLeadAsync(new { name = "Do dono" }))["id"]!;
        var repsRun = await owner.StartAsync(workflowId, repsLead);
        var ownersRun = await owner.StartAsync(workflowId, ownersLead);
        await owner.RunAsync(repsRun, "completed");
        await owner.RunAsync(ownersRun, "completed");

        Assert.Equal(2, (await owner.RunsAsync(workflowId)).Count);
        var seen = await rep.RunsAsync(workflowId);
        Assert.Equal([repsRun], seen.Select(r => (string)r!["id"]!));
        await rep.GetJsonAsync($"/api/v1/workflow-runs/{ownersRun}", HttpStatusCode.NotFound);
        await (await rep.Client.PostAsync($"/api/v1/workflow-runs/{repsRun}/cancel", null)).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var stranger = await app.RegisterAsync();
        Assert.Equal(0, (int)(await stranger.GetJsonAsync("/api/v1/workflow-runs"))["total"]!);
        await stranger.GetJsonAsync($"/api/v1/workflow-runs/{repsRun}", HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsJsonAsync($"/api/v1/workflows/{workflowId}/run", new { })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (int)(await stranger.GetJsonAsync("/api/v1/workflow-queue"))["total"]!);
    }
}

public sealed class WorkflowRunsTestsOnSqlite(SqliteApp app) : WorkflowRunsTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowRunsTestsOnPostgres(PostgresApp app) : WorkflowRunsTests(app), IClassFixture<PostgresApp>;
