using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Workflows;
using SalesCrm.Web.Tests.Infrastructure;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>The /workflows page's rows (<see cref="WorkflowService.OverviewAsync"/>): what each one's chips say, read for all workflows at once.</summary>
public abstract class WorkflowOverviewTests(CrmAppFactory app)
{
    [Fact]
    public async Task The_callers_of_a_workflow_are_the_switched_on_ones_whose_published_version_calls_it()
    {
        var owner = await app.RegisterAsync();
        var target = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "alvo" })), "Alvo");
        await owner.PublishAsync(Line(("call", "call_workflow", new { workflow_id = target })), "Boas-vindas");
        await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "x" }), ("call", "call_workflow", new { workflow_id = target.ToUpperInvariant() })), "Aniversário");
        var paused = await owner.PublishAsync(Line(("call", "call_workflow", new { workflow_id = target })), "Pausada");
        await owner.SetActiveAsync(Guid.Parse(paused), false);
        await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Só rascunho", graph = Line(("call", "call_workflow", new { workflow_id = target })) }))
            .ExpectAsync(HttpStatusCode.Created);

        await owner.AsMemberAsync(async sp =>
        {
            var workflows = sp.GetRequiredService<WorkflowService>();
            Assert.Equal(["Aniversário", "Boas-vindas"], await workflows.CallersAsync(Guid.Parse(target)));
            Assert.Empty(await workflows.CallersAsync(Guid.Parse(paused)));
            return 0;
        });
    }

    [Fact]
    public async Task Each_row_says_its_drafts_problems_unpublished_changes_and_last_publish_as_reading_each_workflow_would()
    {
        var owner = await app.RegisterAsync();
        var draft = (string)(await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new
        {
            name = "A rascunho", graph = Line(("stage", "move_stage", new { stage_id = Guid.NewGuid() }), ("call", "call_workflow", new { workflow_id = Guid.NewGuid() })),
        })).ExpectAsync(HttpStatusCode.Created))["id"]!;
        var changed = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "um" })), "B alterada");
        await (await owner.Client.PostAsync($"/api/v1/workflows/{changed}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{changed}", new { graph = Line(("tag", "add_tag", new { })) })).ExpectAsync(HttpStatusCode.OK);
        var calls = await owner.PublishAsync(Line(("call", "call_workflow", new { workflow_id = changed })), "C publicada");

        await owner.AsMemberAsync(async sp =>
        {
            var workflows = sp.GetRequiredService<WorkflowService>();
            var rows = await workflows.OverviewAsync();
            Assert.Equal(["A rascunho", "B alterada", "C publicada"], rows.Select(r => r.Workflow.Name));
            Assert.Equal((await workflows.ListAsync()).Select(w => w.Id), rows.Select(r => r.Workflow.Id));
            foreach (var row in rows)
            {
                var full = await workflows.GetAsync(row.Workflow.Id);
                DateTime? published = row.Workflow.Version == 0 ? null : (await workflows.VersionsAsync(row.Workflow.Id)).First().PublishedAt;
                Assert.Equal((full.Problems.Count, full.HasUnpublishedChanges, published), (row.Problems, row.HasUnpublishedChanges, row.LastPublishedAt));
            }
            Assert.Equal((2, true, (DateTime?)null), (rows[0].Problems, rows[0].HasUnpublishedChanges, rows[0].LastPublishedAt));
            Assert.Equal((1, true, 2), (rows[1].Problems, rows[1].HasUnpublishedChanges, rows[1].Workflow.Version));
            Assert.NotNull(rows[1].LastPublishedAt);
            Assert.Equal((0, false), (rows[2].Problems, rows[2].HasUnpublishedChanges));
            Assert.Equal(Guid.Parse(calls), rows[2].Workflow.Id);
            Assert.Equal(Guid.Parse(draft), rows[0].Workflow.Id);
            return 0;
        });
    }
}

public sealed class WorkflowOverviewTestsOnSqlite(SqliteApp app) : WorkflowOverviewTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowOverviewTestsOnPostgres(PostgresApp app) : WorkflowOverviewTests(app), IClassFixture<PostgresApp>;
