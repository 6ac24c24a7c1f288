using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>
/// No N+1 in the workflow and run lists: the API lists and the services their pages call send as many SQL commands for
/// 30 workflows (each with two published versions, a draft change and a run) as for 3.
/// </summary>
public abstract class WorkflowListCommandCountTests(CommandCountingApp app)
{
    /// <summary>Creates <paramref name="count"/> workflows naming a stage, publishes two versions of each, leaves a draft change and starts a run for a new lead.</summary>
    private static async Task SeedAsync(Session owner, string stageId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var graph = Line(("stage", "move_stage", new { stage_id = stageId }), ("tag", "add_tag", new { tag = $"t{i}" }));
            var id = await owner.PublishAsync(graph, $"Fluxo {Guid.NewGuid():N}");
            await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
            await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { description = "rascunho alterado", graph = Line(("tag", "add_tag", new { tag = "novo" })) }))
                .ExpectAsync(HttpStatusCode.OK);
            var lead = (string)(await owner.CreateLeadAsync(new { name = $"Lead {i}" }))["id"]!;
            await (await owner.Client.PostAsJsonAsync($"/api/v1/workflows/{id}/run", new { lead_id = lead })).ExpectAsync(HttpStatusCode.Accepted);
        }
    }

    private static Task WaitForRunsAsync(Session owner, int count) =>
        Eventually.GetAsync(owner, "/api/v1/workflow-runs?limit=100", r => r["items"]!.AsArray().Count == count && r["items"]!.AsArray().All(x => (string?)x!["status"] == "completed"));

    /// <summary>The commands each list sends, by list; every list is read once before, so first-use caches do not count.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> MeasureAsync(Session owner)
    {
        var lists = new Dictionary<string, Func<Task>>
        {
            ["GET /api/v1/workflows"] = async () => await (await owner.Client.GetAsync("/api/v1/workflows")).ExpectAsync(HttpStatusCode.OK),
            ["GET /api/v1/workflow-runs"] = async () => await (await owner.Client.GetAsync("/api/v1/workflow-runs?limit=100")).ExpectAsync(HttpStatusCode.OK),
            ["/workflows: WorkflowService.OverviewAsync"] = () => owner.AsMemberAsync(async sp => await sp.GetRequiredService<WorkflowService>().OverviewAsync()),
            ["/workflow-runs: WorkflowRunService.ListAsync + names"] = () => owner.AsMemberAsync(async sp =>
            {
                var views = sp.GetRequiredService<WorkflowRunViewService>();
                await views.WorkflowNamesAsync();
                var page = await sp.GetRequiredService<WorkflowRunService>().ListAsync([], null, new PageRequest(100));
                return await views.LeadNamesAsync(page.Items.Where(r => r.LeadId is not null).Select(r => r.LeadId!.Value));
            }),
        };
        var counts = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, list) in lists)
        {
            await list();
            counts[name] = await SqlCommandCounter.CountAsync(list);
        }
        return counts;
    }

    [Fact]
    public async Task The_workflow_and_run_lists_send_as_many_sql_commands_for_30_rows_as_for_3()
    {
        var owner = await app.RegisterAsync();
        var pipelines = await owner.GetJsonAsync("/api/v1/pipelines");
        var stageId = (string)pipelines["items"]![0]!["stages"]![1]!["id"]!;

        await SeedAsync(owner, stageId, 3);
        await WaitForRunsAsync(owner, 3);
        var few = await MeasureAsync(owner);
        await SeedAsync(owner, stageId, 27);
        await WaitForRunsAsync(owner, 30);
        var many = await MeasureAsync(owner);

        foreach (var (name, commands) in few)
        {
            Assert.True(commands.Count > 0, $"{name}: no command counted");
            Assert.True(commands.Count == many[name].Count,
                $"{name}: {commands.Count} commands for 3 rows, {many[name].Count} for 30:\n{string.Join("\n---\n", many[name])}");
        }
    }
}

public sealed class WorkflowListCommandCountTestsOnSqlite(CountingSqliteApp app) : WorkflowListCommandCountTests(app), IClassFixture<CountingSqliteApp>;

public sealed class WorkflowListCommandCountTestsOnPostgres(CountingPostgresApp app) : WorkflowListCommandCountTests(app), IClassFixture<CountingPostgresApp>;
