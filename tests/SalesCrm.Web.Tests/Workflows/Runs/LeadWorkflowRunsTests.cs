using System.Net;
using System.Net.Http.Json;
using Bunit;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Workflows.Runs;
using SalesCrm.Web.Tests.Components;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Runs;

/// <summary>The lead page's "Automações": the lead's runs and "Executar automação", which offers active manual workflows only.</summary>
public sealed class LeadWorkflowRunsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Reader = [Capabilities.LeadsRead];

    [Fact]
    public async Task The_section_lists_the_leads_runs_with_their_workflow_and_a_link_to_each()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var workflow = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "x" })), "Boas-vindas");
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Com execução" }))["id"]!;
        var other = (string)(await owner.CreateLeadAsync(new { name = "Outro" }))["id"]!;
        var without = (string)(await owner.CreateLeadAsync(new { name = "Sem" }))["id"]!;
        var run = await owner.StartAsync(workflow, lead);
        await owner.RunAsync(await owner.StartAsync(workflow, other), "completed");
        await owner.RunAsync(run, "completed");

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var cut = ctx.Render<LeadWorkflowRuns>(p => p.Add(c => c.LeadId, Guid.Parse(lead)));
            cut.WaitForElement("[data-testid=lead-run]");
            var row = Assert.Single(cut.FindAll("[data-testid=lead-run]"));
            Assert.Equal(run, row.GetAttribute("data-run-id"));
            Assert.Equal("completed", row.GetAttribute("data-status"));
            Assert.Equal("Boas-vindas", cut.Find("[data-testid=lead-run-link]").TextContent);
            Assert.Equal($"/workflow-runs/{run}", cut.Find("[data-testid=lead-run-link]").GetAttribute("href"));

            var empty = ctx.Render<LeadWorkflowRuns>(p => p.Add(c => c.LeadId, Guid.Parse(without)));
            empty.WaitForElement("[data-testid=lead-runs-empty]");
            return 0;
        });
    }

    [Fact]
    public async Task Executar_automacao_offers_only_active_manual_workflows_and_starts_the_chosen_one_for_the_lead()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var manual = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "manual" })), "Manual ativa");
        await owner.PublishAsync(TriggerThenTag(new { kind = "event", event_type = "deal.won" }), "Por evento");
        var inactive = await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "off" })), "Manual desativada");
        await owner.SetActiveAsync(Guid.Parse(inactive), false);
        await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Manual rascunho", graph = Line(("tag", "add_tag", new { tag = "d" })) }))
            .ExpectAsync(HttpStatusCode.Created);
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Disparo manual" }))["id"]!;

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
            var cut = ctx.Render<LeadWorkflowRuns>(p => p.Add(c => c.LeadId, Guid.Parse(lead)));
            cut.WaitForElement("[data-testid=lead-runs-empty]");
            // The click's handler waits for the dialog's answer: it completes once the dialog closes.
            var click = cut.Find("[data-testid=lead-run-workflow]").ClickAsync(new());
            dialogs.WaitForElement("[data-testid=run-workflow-option]");
            var option = Assert.Single(dialogs.FindAll("[data-testid=run-workflow-option]"));
            Assert.Equal(manual, option.GetAttribute("data-workflow-id"));
            Assert.Contains("Manual ativa", option.TextContent);

            await dialogs.Find("[data-testid=run-workflow-start]").ClickAsync(new());
            await click;
            cut.WaitForAssertion(() => Assert.Equal("completed", cut.Find("[data-testid=lead-run]").GetAttribute("data-status")), TimeSpan.FromSeconds(30));
            Assert.Contains("Automação iniciada", string.Join(" ", ctx.Snackbars()));
            return 0;
        });
        var runs = await owner.RunsAsync(manual, lead);
        Assert.Equal("manual", (string?)Assert.Single(runs)!["trigger_kind"]);
    }

    [Fact]
    public async Task A_member_who_does_not_manage_workflows_sees_the_runs_but_no_button_to_start_one()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Do rep", owner_id = rep.UserId }))["id"]!;
        await rep.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var cut = ctx.Render<LeadWorkflowRuns>(p => p.Add(c => c.LeadId, Guid.Parse(lead)));
            cut.WaitForElement("[data-testid=lead-runs-empty]");
            Assert.Empty(cut.FindAll("[data-testid=lead-run-workflow]"));
            return 0;
        });
    }
}
