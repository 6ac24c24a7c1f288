using System.Text.Json.Nodes;
using Blazor.Diagrams;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.DryRuns;
using SalesCrm.Web.Features.Workflows.Designer;
using SalesCrm.Web.Tests.Components;
using static SalesCrm.Web.Tests.Workflows.Designer.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>The designer's dry-run result: the actions list (bunit) and the path marked on the diagram.</summary>
public class DryRunActionsTests
{
    private static BunitContext NewContext() => DesignerComponents.Standalone();

    private static WorkflowDryRunDto Result(string? stoppedAt = null, params string[] warnings) => new(null,
        [new("start", "trigger", "next", null), new("big", "condition", "true", "lead.value gte 1000 vale"), new("hello", "send_whatsapp", "next", null),
            new("task", "create_activity", "next", null)],
        [new("hello", "send_whatsapp", "Enviaria no WhatsApp: “Olá Maria”", new JsonObject { ["text"] = "Olá Maria" }),
            new("task", "create_activity", "Criaria a atividade “Ligar”", new JsonObject { ["title"] = "Ligar" })],
        stoppedAt, warnings);

    [Fact]
    public async Task The_actions_are_listed_in_order_with_the_step_title_and_the_sentence_and_clicking_one_asks_to_focus_its_node()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        string? focused = null;
        var cut = ctx.Render<DryRunActions>(p => p.Add(x => x.Result, Result()).Add(x => x.OnFocus, id => focused = id));

        var items = cut.FindAll("[data-testid=wf-dry-action]");
        Assert.Equal(["hello", "task"], items.Select(i => i.GetAttribute("data-node-id")));
        Assert.Equal("Enviar WhatsApp", items[0].QuerySelector(".wf-dry-type")!.TextContent);
        Assert.Equal(["Enviaria no WhatsApp: “Olá Maria”", "Criaria a atividade “Ligar”"], cut.FindAll("[data-testid=wf-dry-summary]").Select(s => s.TextContent));
        Assert.Contains("big (sim)", cut.Find("[data-testid=wf-dry-path]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=wf-dry-stopped]"));
        Assert.Empty(cut.FindAll("[data-testid=wf-dry-warning]"));

        await cut.InvokeAsync(() => cut.FindAll("[data-testid=wf-dry-action]")[1].Click());
        Assert.Equal("task", focused);
    }

    [Fact]
    public async Task A_walk_stopped_by_the_step_limit_and_its_warnings_are_shown_and_an_empty_path_says_so()
    {
        using var culture = new CultureScope("en");
        await using var ctx = NewContext();
        var cut = ctx.Render<DryRunActions>(p => p.Add(x => x.Result, Result("tag", "Stopped after 100 steps: the path loops")));
        Assert.Equal("Stopped at tag", cut.Find("[data-testid=wf-dry-stopped]").TextContent.Trim());
        Assert.Equal(["Stopped after 100 steps: the path loops"], cut.FindAll("[data-testid=wf-dry-warning]").Select(w => w.TextContent));
        Assert.Equal("Send WhatsApp", cut.FindAll(".wf-dry-type")[0].TextContent);

        var empty = ctx.Render<DryRunActions>(p => p.Add(x => x.Result, new WorkflowDryRunDto(1, [new("start", "trigger", "next", null)], [], null, [])));
        Assert.Equal("No action on this path.", empty.Find("[data-testid=wf-dry-no-actions]").TextContent);
    }

    [Fact]
    public async Task A_called_workflows_actions_are_listed_indented_under_the_call_and_a_refused_call_says_why()
    {
        using var culture = new CultureScope("en");
        await using var ctx = NewContext();
        var inner = new DryRunCallDto(Guid.NewGuid(), "Inner", 2, DryRunCallDto.NotActive, "The workflow Inner is switched off or not published", [], [], null);
        var called = new DryRunCallDto(Guid.NewGuid(), "Called", 3, DryRunCallDto.Walked, null,
            [new("start", "trigger", "next", null), new("ctag", "add_tag", "next", null), new("deeper", "call_workflow", null, inner.Message, inner)],
            [new("ctag", "add_tag", "Would add the tag “c”", null), new("deeper", "call_workflow", "Would start the workflow Inner", null)], null);
        var result = new WorkflowDryRunDto(1,
            [new("start", "trigger", "next", null), new("call", "call_workflow", "next", null, called), new("tag", "add_tag", "next", null)],
            [new("call", "call_workflow", "Would start the workflow Called", null), new("tag", "add_tag", "Would add the tag “t”", null)], null, []);
        string? focused = null;
        var cut = ctx.Render<DryRunActions>(p => p.Add(x => x.Result, result).Add(x => x.OnFocus, id => focused = id));

        var items = cut.FindAll("[data-testid=wf-dry-action]");
        Assert.Equal(["call:0", "ctag:1", "deeper:1", "tag:0"], items.Select(i => $"{i.GetAttribute("data-node-id")}:{i.GetAttribute("data-depth")}"));
        Assert.Contains("margin-inline-start: 1.25rem", items[1].GetAttribute("style"));
        // This workflow's actions are numbered 1, 2 as the heading counts them; the called workflow's lines in between take no number.
        Assert.Equal(("1", "2"), (items[0].GetAttribute("value"), items[3].GetAttribute("value")));
        var message = cut.Find("[data-testid=wf-dry-call-message]");
        Assert.Equal("2", message.GetAttribute("data-depth"));
        Assert.Equal("The workflow Inner is switched off or not published", message.TextContent);
        Assert.Equal("What it would do, in order (2)", cut.Find(".mud-typography-subtitle2").TextContent);

        // A nested action's node is on another workflow's canvas: clicking it focuses nothing here.
        Assert.Throws<MissingEventHandlerException>(() => cut.FindAll("[data-testid=wf-dry-action]")[1].Click());
        Assert.Null(focused);
        await cut.InvokeAsync(() => cut.FindAll("[data-testid=wf-dry-action]")[3].Click());
        Assert.Equal("tag", focused);
    }

    [Fact]
    public void The_path_marks_its_nodes_and_the_links_it_took_and_clearing_unmarks_them()
    {
        var diagram = new BlazorDiagram();
        new WorkflowDiagramMapper((t, p) => p).Load(diagram, new WorkflowGraph(
            [Node("start", "trigger", SettingsOf("trigger")), Node("big", "condition", SettingsOf("condition")), Node("hello", "send_whatsapp", SettingsOf("send_whatsapp")),
                Node("task", "create_activity", SettingsOf("create_activity")), Node("cold", "add_tag", SettingsOf("add_tag"))],
            [Edge("start", "next", "big"), Edge("big", "true", "hello"), Edge("hello", "next", "task"), Edge("big", "false", "cold")]));
        var nodes = diagram.Nodes.OfType<WorkflowNodeModel>().ToDictionary(n => n.Id);
        string Link(WorkflowLinkModel l) => $"{l.SourcePort!.Node.Id}:{l.SourcePort.Name}";

        DryRunHighlight.Apply(diagram, Result());
        Assert.Equal(["big", "hello", "start", "task"], nodes.Values.Where(n => n.DryRunHit).Select(n => n.Id).Order());
        Assert.Equal(["big:true", "hello:next", "start:next"],
            diagram.Links.OfType<WorkflowLinkModel>().Where(l => l.Color == DryRunHighlight.LinkColor).Select(Link).Order());

        DryRunHighlight.Apply(diagram, null);
        Assert.DoesNotContain(nodes.Values, n => n.DryRunHit);
        Assert.All(diagram.Links.OfType<WorkflowLinkModel>(), l => Assert.Null(l.Color));
    }
}
