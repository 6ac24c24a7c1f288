using System.Text.Json;
using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Geometry;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// Converts a stored <see cref="WorkflowGraph"/> into diagram models and back, one to one: a
/// <see cref="WorkflowNodeModel"/> per node (id, type, raw settings, position) and a <see cref="WorkflowLinkModel"/> per
/// edge, so <c>ToGraph(Load(g))</c> serializes exactly as <c>g</c>. An edge that cannot be drawn (an end missing from
/// the graph) is kept aside and written back, so saving never drops what the validator reports.
/// </summary>
public sealed class WorkflowDiagramMapper(Func<string, string, string> portLabel)
{
    private List<WorkflowEdge> _undrawn = [];

    /// <summary>Edges kept but not drawn because a node they name is not in the graph.</summary>
    public IReadOnlyList<WorkflowEdge> Undrawn => _undrawn;

    /// <summary>Replaces the diagram's contents with <paramref name="graph"/>.</summary>
    public void Load(Diagram diagram, WorkflowGraph graph)
    {
        diagram.Batch(() =>
        {
            diagram.Links.Clear();
            diagram.Nodes.Clear();
            _undrawn = [];
            var byId = new Dictionary<string, WorkflowNodeModel>(StringComparer.Ordinal);
            var edges = graph.Edges ?? [];
            foreach (var node in graph.Nodes ?? [])
            {
                if (node.Id is null || byId.ContainsKey(node.Id)) continue;
                var position = node.Position is { } p ? new Point(p.X, p.Y) : new Point(0, 0);
                var model = new WorkflowNodeModel(node.Id, node.Type ?? "", node.Settings, position);
                var extra = edges.Where(e => e.Source == node.Id && e.SourcePort is not null).Select(e => e.SourcePort!);
                AddPorts(model, extra);
                byId[node.Id] = model;
                diagram.Nodes.Add(model);
            }
            foreach (var edge in edges)
            {
                if (edge.Source is { } s && byId.TryGetValue(s, out var from) && edge.Target is { } t && byId.TryGetValue(t, out var to)
                    && edge.SourcePort is { } port && from.Output(port) is { } output && to.Input is { } input)
                    diagram.Links.Add(NewLink(output, input));
                else
                    _undrawn.Add(edge);
            }
        });
    }

    /// <summary>The graph the diagram shows: nodes in canvas order, then edges in the order they were drawn.</summary>
    public WorkflowGraph ToGraph(Diagram diagram)
    {
        var nodes = diagram.Nodes.OfType<WorkflowNodeModel>().Select(n => n.ToNode()).ToList();
        var edges = diagram.Links.OfType<WorkflowLinkModel>()
            .Where(l => l.SourcePort is { IsInput: false } && l.TargetPort is { IsInput: true })
            .Select(l => new WorkflowEdge(l.SourcePort!.Node.Id, l.SourcePort.Name, l.TargetPort!.Node.Id))
            .ToList();
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        // An undrawn edge whose ends have since appeared would now be drawn twice; the drawn one wins.
        edges.AddRange(_undrawn.Where(e => !(ids.Contains(e.Source ?? "") && ids.Contains(e.Target ?? ""))));
        return new WorkflowGraph(nodes, edges);
    }

    /// <summary>Adds a node of <paramref name="type"/> with a fresh id (<c>type_n</c>) at <paramref name="position"/>.</summary>
    public WorkflowNodeModel AddNode(Diagram diagram, string type, Point position, JsonElement? settings = null)
    {
        var taken = diagram.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (taken.Contains($"{type}_{n}")) n++;
        var model = new WorkflowNodeModel($"{type}_{n}", type, settings ?? JsonSerializer.SerializeToElement(new { }), position);
        AddPorts(model, []);
        diagram.Nodes.Add(model);
        return model;
    }

    /// <summary>Links <paramref name="port"/> of <paramref name="from"/> to <paramref name="to"/>, replacing the port's link (a port leads to one node).</summary>
    public WorkflowLinkModel? Connect(Diagram diagram, WorkflowNodeModel from, string port, WorkflowNodeModel? to)
    {
        if (from.Output(port) is not { } output) return null;
        foreach (var old in output.Links.ToList()) diagram.Links.Remove(old);
        if (to?.Input is not { } input || to == from) return null;
        return diagram.Links.Add(NewLink(output, input));
    }

    /// <summary>After a switch's cases change: adds ports for new cases and drops ports (and their links) no longer there.</summary>
    public void RefreshPorts(Diagram diagram, WorkflowNodeModel node)
    {
        if (node.NodeType is not { } type) return;
        var wanted = WorkflowGraphValidator.PortsOf(node.ToNode(), type);
        foreach (var port in node.Outputs.Where(p => !wanted.Contains(p.Name!) && (p.Declared || p.Links.Count == 0)).ToList())
        {
            foreach (var link in port.Links.ToList()) diagram.Links.Remove(link);
            node.RemovePort(port);
        }
        foreach (var name in wanted.Where(w => node.Output(w) is null)) node.AddPort(new WorkflowPortModel(node, name));
        node.ReinitializePorts();
        node.Refresh();
    }

    public string LabelOf(WorkflowPortModel port) => portLabel(port.Node.Type, port.Name ?? "");

    /// <summary>A link from an output, labelled; the target is attached later when the user draws it.</summary>
    public WorkflowLinkModel NewLink(WorkflowPortModel output, Blazor.Diagrams.Core.Anchors.Anchor target)
    {
        var link = new WorkflowLinkModel(output, target);
        link.AddLabel(LabelOf(output));
        return link;
    }

    private WorkflowLinkModel NewLink(WorkflowPortModel output, WorkflowPortModel input)
    {
        var link = new WorkflowLinkModel(output, input);
        link.AddLabel(LabelOf(output));
        return link;
    }

    private static void AddPorts(WorkflowNodeModel model, IEnumerable<string> used)
    {
        if (model.NodeType?.Type != WorkflowNodeCatalog.Trigger) model.AddPort(new WorkflowPortModel(model, null));
        var declared = model.NodeType is { } type ? WorkflowGraphValidator.PortsOf(model.ToNode(), type) : [];
        foreach (var name in declared.Distinct()) model.AddPort(new WorkflowPortModel(model, name));
        foreach (var name in used.Distinct().Where(u => !declared.Contains(u))) model.AddPort(new WorkflowPortModel(model, name, declared: false));
    }
}
