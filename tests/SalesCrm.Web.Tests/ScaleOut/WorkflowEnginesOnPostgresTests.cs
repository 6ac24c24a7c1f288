using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Workflows;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Two workflow engines on one PostgreSQL database (ADR 051): every step runs once, and a run whose claim lapsed is taken over.</summary>
public sealed class WorkflowEnginesOnPostgresTests
{
    private static IEnumerable<KeyValuePair<string, string?>> Settings(string instance) =>
    [
        new("Scale:Claims:Instance", instance), new("RateLimits:ApiPermitsPerMinute", "1000000"),
    ];

    [Fact]
    public async Task Two_engines_run_every_step_of_many_runs_once_and_take_over_a_run_whose_lease_lapsed()
    {
        await using var database = await SharedPostgresDatabase.CreateAsync();
        await using var first = new AppInstance(database.ConnectionString, settings: Settings("first"));
        _ = first.Services;
        await using var second = new AppInstance(database.ConnectionString, settings: Settings("second"));
        _ = second.Services;
        var owner = await first.RegisterAsync();
        var workflowId = await owner.PublishAsync(WorkflowGraphs.Line(
            ("tag", "add_tag", new { tag = "escala" }),
            ("task", "create_activity", new { title = "Retornar {{lead.name}}" }),
            ("note", "add_note", new { text = "Run {{run.id}}" })));

        var leads = new List<string>();
        for (var i = 0; i < 24; i++) leads.Add((string)(await owner.CreateLeadAsync(new { name = $"Lead {i}" }))["id"]!);
        foreach (var lead in leads)
            await (await owner.Client.PostAsync($"/api/v1/workflows/{workflowId}/run", System.Net.Http.Json.JsonContent.Create(new { lead_id = lead })))
                .ExpectAsync(System.Net.HttpStatusCode.Accepted);

        // A run an instance claimed and then died with: its lease lapsed a minute ago.
        var orphanLead = (string)(await owner.CreateLeadAsync(new { name = "Órfão" }))["id"]!;
        await using (var scoped = await ScopedDb.OpenAsync(first))
        {
            scoped.Db.WorkflowRuns.Add(new WorkflowRun
            {
                TenantId = owner.TenantId, WorkflowId = Guid.Parse(workflowId), Version = 1, LeadId = Guid.Parse(orphanLead), CorrelationId = Ids.New(),
                CurrentNode = "start", StartedAt = DateTime.UtcNow.AddMinutes(-2), ClaimedBy = "dead-instance", LeaseUntil = DateTime.UtcNow.AddMinutes(-1),
            });
            await scoped.Db.SaveChangesAsync();
        }

        await Eventually.GetAsync(owner, $"/api/v1/workflow-runs?workflow_id=eq.{workflowId}&status=eq.completed", r => (int)r["total"]! == 25, 120);

        await using var check = await ScopedDb.OpenAsync(first);
        var steps = check.Db.WorkflowRunSteps.IgnoreQueryFilters().Where(s => s.TenantId == owner.TenantId);
        Assert.Equal(100, await steps.CountAsync());
        Assert.All(await steps.GroupBy(s => new { s.RunId, s.IdempotencyKey }).Select(g => g.Count()).ToListAsync(), n => Assert.Equal(1, n));
        Assert.All(await steps.GroupBy(s => new { s.RunId, s.NodeId }).Select(g => g.Count()).ToListAsync(), n => Assert.Equal(1, n));
        var activities = await check.Db.Activities.IgnoreQueryFilters().Where(a => a.TenantId == owner.TenantId).GroupBy(a => a.LeadId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(25, activities.Count);
        Assert.All(activities, n => Assert.Equal(1, n));
        var notes = await check.Db.Interactions.IgnoreQueryFilters().Where(n => n.TenantId == owner.TenantId && n.Type == InteractionType.Note).CountAsync();
        Assert.Equal(25, notes);
        var orphan = await check.Db.WorkflowRuns.IgnoreQueryFilters().SingleAsync(r => r.LeadId == Guid.Parse(orphanLead));
        Assert.Equal((WorkflowRunStatuses.Completed, null), (orphan.Status, orphan.ClaimedBy));
    }

    [Fact]
    public async Task A_run_waiting_on_a_delay_survives_its_instance_stopping_and_another_instance_finishes_it_once()
    {
        await using var database = await SharedPostgresDatabase.CreateAsync();
        string runId, leadId;
        Session owner;
        await using (var first = new AppInstance(database.ConnectionString, settings: Settings("first")))
        {
            owner = await first.RegisterAsync();
            var workflowId = await owner.PublishAsync(WorkflowGraphs.Line(("wait", "delay", new { duration = "PT3S" }), ("note", "add_note", new { text = "depois da pausa" })));
            leadId = (string)(await owner.CreateLeadAsync(new { name = "Durável" }))["id"]!;
            runId = await owner.StartAsync(workflowId, leadId);
            await owner.RunAsync(runId, "waiting");
        }

        await using var second = new AppInstance(database.ConnectionString, settings: Settings("second"));
        var again = await second.LoginAsync(owner.Email);
        var run = await again.RunAsync(runId, "completed");
        Assert.Equal(["start", "wait", "note"], WorkflowGraphs.StepNodes(run));
        var notes = await again.GetJsonAsync($"/api/v1/leads/{leadId}/interactions?type=note");
        Assert.Equal(1, (int)notes["total"]!);
    }
}
