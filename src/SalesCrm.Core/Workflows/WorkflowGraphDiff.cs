using System.Text.Json;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// What changed from one graph to the next (a version against the one before it), for the version history's summary:
/// step ids added, removed and changed (type or settings; a label is a setting), how many steps only moved on the
/// canvas, and links added and removed (a link is source, port and target). API shape:
/// <c>{ "nodes_added": ["nota"], "nodes_removed": [], "nodes_changed": ["tag"], "nodes_moved": 2, "edges_added": 1, "edges_removed": 0 }</c>.
/// </summary>
public sealed record WorkflowGraphDiff(
    IReadOnlyList<string> NodesAdded, IReadOnlyList<string> NodesRemoved, IReadOnlyList<string> NodesChanged,
    int NodesMoved, int EdgesAdded, int EdgesRemoved)
{
    /// <summary>True when the two graphs are the same (positions included).</summary>
    public bool IsEmpty => NodesAdded.Count == 0 && NodesRemoved.Count == 0 && NodesChanged.Count == 0 && NodesMoved == 0 && EdgesAdded == 0 && EdgesRemoved == 0;

    /// <summary>
    /// The changes that turn <paramref name="before"/> into <paramref name="after"/>; nodes match by id, in
    /// <paramref name="after"/>'s order. Settings compare as JSON values (property order and spacing ignored).
    /// </summary>
    public static WorkflowGraphDiff Between(WorkflowGraph before, WorkflowGraph after)
    {
        var old = Nodes(before);
        var now = Nodes(after);
        var added = now.Keys.Where(id => !old.ContainsKey(id)).ToList();
        var removed = old.Keys.Where(id => !now.ContainsKey(id)).ToList();
        var kept = now.Keys.Where(old.ContainsKey).ToList();
        var changed = kept.Where(id => old[id].Type != now[id].Type || !SameSettings(old[id].Settings, now[id].Settings)).ToList();
        var moved = kept.Except(changed).Count(id => !SamePlace(old[id].Position, now[id].Position));
        var oldEdges = Edges(before);
        var newEdges = Edges(after);
        return new WorkflowGraphDiff(added, removed, changed, moved, newEdges.Except(oldEdges).Count(), oldEdges.Except(newEdges).Count());
    }

    private static Dictionary<string, WorkflowNode> Nodes(WorkflowGraph graph)
    {
        var nodes = new Dictionary<string, WorkflowNode>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes ?? []) if (node.Id is { } id) nodes.TryAdd(id, node);
        return nodes;
    }

    private static HashSet<(string?, string?, string?)> Edges(WorkflowGraph graph) =>
        [.. (graph.Edges ?? []).Select(e => (e.Source, e.SourcePort ?? WorkflowNodeCatalog.Next, e.Target))];

    private static bool SamePlace(NodePosition? a, NodePosition? b) => a is null ? b is null : b is not null && a.X == b.X && a.Y == b.Y;

    private static bool SameSettings(JsonElement? a, JsonElement? b)
    {
        static bool Empty(JsonElement? e) => e is null || e.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
            || e.Value.ValueKind == JsonValueKind.Object && !e.Value.EnumerateObject().Any();
        if (Empty(a) || Empty(b)) return Empty(a) && Empty(b);
        return JsonElement.DeepEquals(a!.Value, b!.Value);
    }
}
