using System.Text.Json;
using P = SalesCrm.Core.Workflows.WorkflowProblemCodes;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// The problems of a graph (ADR 050): unknown types, settings, edges, triggers, reachability, loops without a pause,
/// required ports. Drafts may have problems (the designer autosaves); a workflow with any cannot be published.
/// Expects the shape <see cref="WorkflowGraphShape"/> accepts; what else it meets it skips rather than throws.
/// </summary>
public static class WorkflowGraphValidator
{
    public static IReadOnlyList<WorkflowProblem> Validate(WorkflowGraph graph)
    {
        var problems = new List<WorkflowProblem>();
        var nodes = (graph.Nodes ?? []).Where(n => !string.IsNullOrEmpty(n.Id)).DistinctBy(n => n.Id, StringComparer.Ordinal).ToList();
        var types = new Dictionary<string, WorkflowNodeType>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (WorkflowNodeCatalog.Find(node.Type) is not { } type)
            {
                problems.Add(new WorkflowProblem(node.Id, P.UnknownNodeType, $"'{node.Type}' is not a node type (see GET /api/v1/workflow-node-types)."));
                continue;
            }
            types[node.Id!] = type;
            NodeSettingsRules.Check(node, type, problems);
        }
        var links = Links(graph, nodes, types, problems);
        Flow(nodes, types, links, problems);
        return problems;
    }

    /// <summary>A node's output ports: its type's, plus one per switch case.</summary>
    public static IReadOnlyList<string> PortsOf(WorkflowNode node, WorkflowNodeType type)
    {
        if (!type.CasePorts || node.Settings is not { ValueKind: JsonValueKind.Object } settings
            || !settings.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array) return type.Ports;
        var ports = cases.EnumerateArray()
            .Select(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("port", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null)
            .OfType<string>();
        return [.. ports, .. type.Ports];
    }

    private static List<(string From, string Port, string To)> Links(WorkflowGraph graph, List<WorkflowNode> nodes, Dictionary<string, WorkflowNodeType> types, List<WorkflowProblem> problems)
    {
        var byId = nodes.ToDictionary(n => n.Id!, StringComparer.Ordinal);
        var links = new List<(string From, string Port, string To)>();
        foreach (var edge in graph.Edges ?? [])
        {
            var (from, port, to) = (edge.Source ?? "", edge.SourcePort ?? "", edge.Target ?? "");
            if (!byId.TryGetValue(from, out var source))
            {
                problems.Add(new WorkflowProblem(byId.ContainsKey(to) ? to : null, P.DanglingEdge, $"an edge comes from node '{from}', which is not in the graph."));
                continue;
            }
            if (!byId.ContainsKey(to))
            {
                problems.Add(new WorkflowProblem(from, P.DanglingEdge, $"port '{port}' links to node '{to}', which is not in the graph."));
                continue;
            }
            if (types.TryGetValue(from, out var type) && PortsOf(source, type) is var ports && !ports.Contains(port, StringComparer.Ordinal))
            {
                var have = ports.Count == 0 ? "it has no output ports" : $"its ports are {string.Join(", ", ports)}";
                problems.Add(new WorkflowProblem(from, P.UnknownPort, $"a '{type.Type}' node has no port '{port}' ({have})."));
                continue;
            }
            if (types.TryGetValue(to, out var target) && target.Type == WorkflowNodeCatalog.Trigger)
            {
                problems.Add(new WorkflowProblem(to, P.TriggerHasInput, $"node '{from}' links into this trigger; a trigger only starts runs."));
                continue;
            }
            links.Add((from, port, to));
        }
        foreach (var fan in links.DistinctBy(l => (l.From, l.Port, l.To)).GroupBy(l => (l.From, l.Port)).Where(g => g.Count() > 1))
            problems.Add(new WorkflowProblem(fan.Key.From, P.PortHasManyTargets,
                $"port '{fan.Key.Port}' links to {string.Join(", ", fan.Select(l => $"'{l.To}'"))}; a port leads to one node."));
        return links;
    }

    private static void Flow(List<WorkflowNode> nodes, Dictionary<string, WorkflowNodeType> types, List<(string From, string Port, string To)> links, List<WorkflowProblem> problems)
    {
        var triggers = nodes.Where(n => types.TryGetValue(n.Id!, out var t) && t.Type == WorkflowNodeCatalog.Trigger).Select(n => n.Id!).ToList();
        if (triggers.Count == 0) problems.Add(new WorkflowProblem(null, P.NoTrigger, "the workflow has no trigger node, so nothing starts it."));

        var next = links.ToLookup(l => l.From, l => l.To, StringComparer.Ordinal);
        var reached = new HashSet<string>(triggers, StringComparer.Ordinal);
        var queue = new Queue<string>(triggers);
        while (queue.TryDequeue(out var id))
            foreach (var to in next[id])
                if (reached.Add(to)) queue.Enqueue(to);
        foreach (var node in nodes.Where(n => !reached.Contains(n.Id!)))
            problems.Add(new WorkflowProblem(node.Id, P.UnreachableNode, "no path leads here from a trigger."));

        var linked = links.Select(l => (l.From, l.Port)).ToHashSet();
        foreach (var node in nodes)
        {
            if (!types.TryGetValue(node.Id!, out var type)) continue;
            foreach (var port in type.RequiredPorts.Where(p => !linked.Contains((node.Id!, p))))
                problems.Add(new WorkflowProblem(node.Id, P.UnconnectedPort, $"port '{port}' must be linked to the next step."));
        }

        // A loop is safe when every way round it rests on a waiting node: drop those and look for a loop left.
        var moving = links.Where(l => !Waits(l.From, types) && !Waits(l.To, types)).ToList();
        foreach (var cycle in CycleFinder.Cycles(nodes.Select(n => n.Id!).Where(id => !Waits(id, types)).ToList(), moving.Select(l => (l.From, l.To)).ToList()))
            problems.Add(new WorkflowProblem(cycle[0], P.CycleWithoutWait,
                $"the loop through {string.Join(" → ", cycle.Select(c => $"'{c}'"))} has no delay, wait_for_event or ask_whatsapp, so a run would spin in it."));
    }

    private static bool Waits(string id, Dictionary<string, WorkflowNodeType> types) => types.TryGetValue(id, out var t) && t.Waits;
}
