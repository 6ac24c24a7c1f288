using System.Text.Json;
using Blazor.Diagrams;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesCrm.Core.Workflows;
using SalesCrm.Web.Features.Workflows.Designer;
using SalesCrm.Web.Tests.Components;
using static SalesCrm.Web.Tests.Workflows.Designer.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Designer;

public class WorkflowNodeWidgetTests
{
    private static BunitContext NewContext() => DesignerComponents.Standalone();

    /// <summary>The graph on a diagram with the validator's problems on each node, as the designer shows it.</summary>
    private static (BlazorDiagram Diagram, Dictionary<string, WorkflowNodeModel> Nodes) Validated(WorkflowGraph graph)
    {
        var diagram = new BlazorDiagram();
        new WorkflowDiagramMapper((t, p) => p).Load(diagram, graph);
        var problems = WorkflowGraphValidator.Validate(graph);
        var nodes = diagram.Nodes.OfType<WorkflowNodeModel>().ToDictionary(n => n.Id);
        foreach (var node in nodes.Values)
        {
            node.Problems = problems.Where(p => p.NodeId == node.Id).ToList();
            foreach (var port in node.Ports) port.Initialized = true; // measured by the browser; there is none here
        }
        return (diagram, nodes);
    }

    private static IRenderedComponent<WorkflowNodeWidget> Render(BunitContext ctx, BlazorDiagram diagram, WorkflowNodeModel node) =>
        ctx.Render<CascadingValue<BlazorDiagram>>(p => p.Add(c => c.Value, diagram)
            .AddChildContent<WorkflowNodeWidget>(w => w.Add(x => x.Node, node))).FindComponent<WorkflowNodeWidget>();

    [Fact]
    public async Task A_node_with_problems_shows_their_count_on_its_badge_and_a_valid_node_shows_none()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var (diagram, nodes) = Validated(new WorkflowGraph(
            [Node("start", "trigger", SettingsOf("trigger")), Node("tag", "add_tag", "{}"), Node("end", "end", "{}")],
            [Edge("start", "next", "tag")]));

        var tag = Render(ctx, diagram, nodes["tag"]);
        var start = Render(ctx, diagram, nodes["start"]);
        var end = Render(ctx, diagram, nodes["end"]);

        Assert.Equal("1", tag.Find("[data-testid=wf-node-badge]").TextContent);
        Assert.Contains("Falta uma configuração obrigatória", tag.Find("[data-testid=wf-node-badge]").GetAttribute("title"));
        Assert.Empty(start.FindAll("[data-testid=wf-node-badge]"));
        Assert.Equal("1", end.Find("[data-testid=wf-node-badge]").TextContent); // unreachable
    }

    [Fact]
    public async Task A_node_shows_its_localized_title_key_setting_and_port_labels()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var (diagram, nodes) = Validated(new WorkflowGraph([Node("c", "condition", SettingsOf("condition")), Node("a", "ask_whatsapp", SettingsOf("ask_whatsapp"))], []));

        var condition = Render(ctx, diagram, nodes["c"]);
        var ask = Render(ctx, diagram, nodes["a"]);

        Assert.Contains("Condição", condition.Find(".wf-node-title").TextContent);
        Assert.Equal("lead.value maior ou igual a 1000", condition.Find("[data-testid=wf-node-key]").TextContent);
        Assert.Equal(["sim", "não"], condition.FindAll(".wf-out-label").Select(e => e.TextContent));
        Assert.Equal(["respondeu", "timeout", "inválido"], ask.FindAll(".wf-out-label").Select(e => e.TextContent));
        Assert.Equal(["answered", "timeout", "invalid"], nodes["a"].Outputs.Select(p => p.Name)); // stored ids unchanged
    }

    [Fact]
    public async Task Fixing_the_setting_clears_the_badge()
    {
        await using var ctx = NewContext();
        var graph = new WorkflowGraph([Node("start", "trigger", SettingsOf("trigger")), Node("tag", "add_tag", "{}")], [Edge("start", "next", "tag")]);
        var (diagram, nodes) = Validated(graph);
        var widget = Render(ctx, diagram, nodes["tag"]);
        Assert.Single(widget.FindAll("[data-testid=wf-node-badge]"));

        nodes["tag"].Settings = JsonSerializer.Deserialize<JsonElement>("""{"tag":"vip"}""");
        nodes["tag"].Problems = WorkflowGraphValidator.Validate(new WorkflowDiagramMapper((t, p) => p).ToGraph(diagram)).Where(p => p.NodeId == "tag").ToList();
        widget.Render();

        Assert.Empty(widget.FindAll("[data-testid=wf-node-badge]"));
    }
}
