using Bunit;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Workflows.Runs;
using SalesCrm.Web.Tests.Components;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Runs;

/// <summary>/workflow-runs/{id} over the real services: the path taken on the version's graph, a waiting run's wait, who may cancel.</summary>
public sealed class WorkflowRunPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Reader = [Capabilities.LeadsRead];

    private static string? StateOf<T>(IRenderedComponent<T> cut, string nodeId) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"[data-testid=run-node][data-node-id='{nodeId}']").GetAttribute("class");

    /// <summary>No two cards of the run's graph overlap (a card is at most 260 px wide; 120 px is more than its height with the run state).</summary>
    private static void AssertCardsApart<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent
    {
        static double Px(string style, string name) =>
            double.Parse(System.Text.RegularExpressions.Regex.Match(style, $@"(?:^|[;\s]){name}:\s*(-?[\d.]+)px").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var places = cut.FindAll(".diagram-node").Select(n => n.GetAttribute("style")!).Select(s => (X: Px(s, "left"), Y: Px(s, "top"))).ToList();
        Assert.NotEmpty(places);
        foreach (var (a, i) in places.Select((p, i) => (p, i)))
        foreach (var b in places.Skip(i + 1))
            Assert.False(Math.Abs(a.X - b.X) < 260 && Math.Abs(a.Y - b.Y) < 120, $"cards at ({a.X}, {a.Y}) and ({b.X}, {b.Y}) overlap");
    }

    [Fact]
    public async Task The_nodes_the_run_went_through_are_marked_taken_with_their_state_and_the_branch_not_taken_is_not()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var workflow = await owner.PublishAsync(Graph(
            [
                Node("start", "trigger", new { kind = "manual" }, 0, 90),
                Node("big", "condition", new { field = "lead.value", @operator = "gte", value = 1000 }, Spacing, 90),
                Node("hot", "add_tag", new { tag = "hot" }, 2 * Spacing, 0),
                Node("cold", "add_tag", new { tag = "cold" }, 2 * Spacing, 180),
            ],
            [Edge("start", "big"), Edge("big", "hot", "true"), Edge("big", "cold", "false")]), "Caminho");
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Pequeno", value = 10 }))["id"]!;
        var run = await owner.StartAsync(workflow, lead);
        await owner.RunAsync(run, "completed");

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var cut = ctx.Render<WorkflowRunPage>(p => p.Add(c => c.Id, Guid.Parse(run)));
            cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=run-node]").Count));
            AssertCardsApart(cut);
            Assert.Contains("taken status-completed", StateOf(cut, "start"));
            Assert.Contains("taken status-completed", StateOf(cut, "big"));
            Assert.Contains("taken status-completed", StateOf(cut, "cold"));
            Assert.Contains("skipped", StateOf(cut, "hot"));
            Assert.DoesNotContain("taken", StateOf(cut, "hot"));
            Assert.Equal("Execução de Caminho", cut.Find("[data-testid=run-title]").TextContent);
            Assert.Equal(["start", "big", "cold"], cut.FindAll("[data-testid=run-step]").Select(s => s.GetAttribute("data-node-id")));
            Assert.Contains("\"result\": false", cut.Find("[data-testid=run-step][data-node-id=big] [data-testid=run-step-output]").TextContent);
            Assert.Contains("Pequeno", cut.Find("[data-testid=run-lead]").TextContent);
            return 0;
        });
    }

    [Fact]
    public async Task A_waiting_run_says_until_when_and_only_a_member_who_manages_workflows_gets_the_cancel_button()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var workflow = await owner.PublishAsync(Line(("wait", "delay", new { duration = "PT1H" }), ("tag", "add_tag", new { tag = "depois" })));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Esperando", owner_id = rep.UserId }))["id"]!;
        var run = await owner.StartAsync(workflow, lead);
        await owner.RunAsync(run, "waiting");

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var cut = ctx.Render<WorkflowRunPage>(p => p.Add(c => c.Id, Guid.Parse(run)));
            cut.WaitForElement("[data-testid=run-waiting]");
            AssertCardsApart(cut);
            var waiting = cut.Find("[data-testid=run-waiting]").TextContent;
            Assert.StartsWith("Aguardando o horário até ", waiting); // not the engine's "delay until …"
            Assert.Contains("até", waiting);
            Assert.Contains("taken status-waiting", StateOf(cut, "wait"));
            Assert.Contains("skipped", StateOf(cut, "tag"));
            Assert.Single(cut.FindAll("[data-testid=run-cancel]"));
            Assert.Empty(cut.FindAll("[data-testid=run-retry]"));
            return 0;
        });
        await rep.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var cut = ctx.Render<WorkflowRunPage>(p => p.Add(c => c.Id, Guid.Parse(run)));
            cut.WaitForElement("[data-testid=run-waiting]");
            Assert.Empty(cut.FindAll("[data-testid=run-cancel]"));
            return 0;
        });
    }

    [Fact]
    public async Task Cancelling_from_the_page_asks_first_then_cancels_the_run_and_says_so()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var workflow = await owner.PublishAsync(Line(("wait", "delay", new { duration = "PT1H" })));
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Cancelado" }))["id"]!;
        var run = await owner.StartAsync(workflow, lead);
        await owner.RunAsync(run, "waiting");

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = RunComponents.NewContext(sp, Reader);
            var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
            var cut = ctx.Render<WorkflowRunPage>(p => p.Add(c => c.Id, Guid.Parse(run)));
            cut.WaitForElement("[data-testid=run-cancel]");
            var click = cut.Find("[data-testid=run-cancel]").ClickAsync(new());
            dialogs.WaitForAssertion(() => Assert.Contains("As etapas que faltam não serão executadas", dialogs.Markup));
            await dialogs.FindAll("button").First(b => b.TextContent.Contains("Cancelar execução")).ClickAsync(new());
            await click;
            cut.WaitForAssertion(() => Assert.Equal("cancelled", cut.Find("[data-testid=run-page]").GetAttribute("data-run-status")));
            Assert.Contains("Execução cancelada.", ctx.Snackbars());
            return 0;
        });
        Assert.Equal("cancelled", (string?)(await owner.GetJsonAsync($"/api/v1/workflow-runs/{run}"))["status"]);
    }
}
