using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Workflows.Runs;
using SalesCrm.Web.Tests.Components;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Runs;

/// <summary>/workflow-runs and /workflows/{id}/runs over the real services: the empty state, the filters, and own visibility.</summary>
public sealed class WorkflowRunsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Reader = [Capabilities.LeadsRead];

    private static IReadOnlyList<string> RunIds<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("[data-testid=run-row]").Select(r => r.GetAttribute("data-run-id")!).ToList();

    [Fact]
    public async Task A_workspace_without_runs_sees_what_to_do_to_get_some()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var cut = ctx.Render<WorkflowRunsPage>();
            cut.WaitForElement("[data-testid=runs-empty]");
            Assert.Contains("Nenhuma execução ainda", cut.Find("[data-testid=runs-empty]").TextContent);
            Assert.Contains("Executar automação", cut.Find("[data-testid=runs-empty]").TextContent);
            Assert.Contains("publique uma automação em Automações", cut.Find("[data-testid=runs-empty-text]").TextContent);
            Assert.Empty(cut.FindAll("[data-testid=run-row]"));
            return 0;
        });
        // A rep cannot open Automações: the hint does not send them there.
        var rep = await owner.AddMemberAsync("sales_rep");
        await rep.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var cut = ctx.Render<WorkflowRunsPage>();
            cut.WaitForElement("[data-testid=runs-empty]");
            Assert.StartsWith("As execuções aparecem aqui quando uma automação publicada pelos gestores", cut.Find("[data-testid=runs-empty-text]").TextContent);
            return 0;
        });
    }

    [Fact]
    public async Task The_list_filters_by_workflow_and_status_and_says_when_nothing_matches()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var quick = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "rapido" })), "Rápida");
        var slow = await owner.PublishAsync(Line(("wait", "delay", new { duration = "PT1H" }), ("tag", "add_tag", new { tag = "lento" })), "Lenta");
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Filtrado" }))["id"]!;
        var done = await owner.StartAsync(quick, lead);
        var waiting = await owner.StartAsync(slow, lead);
        await owner.RunAsync(done, "completed");
        await owner.RunAsync(waiting, "waiting");

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var all = ctx.Render<WorkflowRunsPage>();
            all.WaitForAssertion(() => Assert.Equal(2, RunIds(all).Count));
            Assert.Contains("Filtrado", all.Find("[data-testid=runs-table]").TextContent);

            // A link from the list to one workflow keeps the page and changes only its WorkflowId: the rows follow.
            all.Render(p => p.Add(c => c.WorkflowId, Guid.Parse(quick)));
            all.WaitForAssertion(() => Assert.Equal([done], RunIds(all)));
            all.Render(p => p.Add(c => c.WorkflowId, Guid.Parse(slow)));
            all.WaitForAssertion(() => Assert.Equal([waiting], RunIds(all)));

            var ofSlow = ctx.Render<WorkflowRunsPage>(p => p.Add(c => c.WorkflowId, Guid.Parse(slow)));
            ofSlow.WaitForAssertion(() => Assert.Equal([waiting], RunIds(ofSlow)));
            Assert.Equal("Execuções de Lenta", ofSlow.Find("[data-testid=runs-title]").TextContent);
            Assert.Equal("waiting", ofSlow.Find("[data-testid=run-status]").GetAttribute("data-status"));

            var navigation = ctx.Services.GetRequiredService<NavigationManager>();
            navigation.NavigateTo("/workflow-runs?status=completed");
            var completed = ctx.Render<WorkflowRunsPage>();
            completed.WaitForAssertion(() => Assert.Equal([done], RunIds(completed)));

            navigation.NavigateTo($"/workflows/{quick}/runs?status=failed");
            var failedOfQuick = ctx.Render<WorkflowRunsPage>(p => p.Add(c => c.WorkflowId, Guid.Parse(quick)));
            failedOfQuick.WaitForElement("[data-testid=runs-empty]");
            Assert.Contains("Nenhuma execução com esses filtros", failedOfQuick.Find("[data-testid=runs-empty]").TextContent);
            return 0;
        });
    }

    [Fact]
    public async Task A_rep_with_own_visibility_sees_only_the_runs_of_their_leads_on_the_page()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var workflow = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "visto" })));
        var repsLead = (string)(await owner.CreateLeadAsync(new { name = "Lead do rep", owner_id = rep.UserId }))["id"]!;
        var ownersLead = (string)(await owner.CreateLeadAsync(new { name = "Lead do dono" }))["id"]!;
        var repsRun = await owner.StartAsync(workflow, repsLead);
        var ownersRun = await owner.StartAsync(workflow, ownersLead);
        await owner.RunAsync(repsRun, "completed");
        await owner.RunAsync(ownersRun, "completed");

        await rep.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var list = ctx.Render<WorkflowRunsPage>();
            list.WaitForAssertion(() => Assert.Equal([repsRun], RunIds(list)));
            Assert.DoesNotContain("Lead do dono", list.Markup);

            var other = ctx.Render<WorkflowRunPage>(p => p.Add(c => c.Id, Guid.Parse(ownersRun)));
            other.WaitForElement("[data-testid=run-missing]");
            Assert.Empty(other.FindAll("[data-testid=run-canvas]"));
            return 0;
        });
    }
}
