using System.Text.Json;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// What a graph must be before it can even be stored: node ids present and unique, edges naming their ends, settings
/// objects, within size limits. A graph that fails here is a 400 VALIDATION_ERROR; anything past it is stored and its
/// problems reported (<see cref="WorkflowGraphValidator"/>).
/// </summary>
public static class WorkflowGraphShape
{
    public const int MaxNodes = 500;
    public const int MaxEdges = 2000;
    public const int MaxIdLength = 64;
    /// <summary>The farthest a node may sit from the canvas origin, in canvas pixels either way: a 60-step graph spans about 20,000; far beyond, the designer can neither draw nor reach it (a browser's SVG coordinates overflow).</summary>
    public const int MaxCoordinate = 100_000;
    public const int MaxJsonLength = 1_000_000;

    /// <summary>Checks the graph under <paramref name="field"/> and returns it with absent settings as <c>{}</c> and absent positions as (0, 0).</summary>
    public static WorkflowGraph Normalize(WorkflowGraph? graph, string field = "graph")
    {
        var v = new Validator();
        if (graph is null) throw new ValidationException(field, "is required.");
        if (graph.Nodes is null) v.Add($"{field}.nodes", "is required (a list, possibly empty).");
        else if (graph.Nodes.Count > MaxNodes) v.Add($"{field}.nodes", $"must have at most {MaxNodes} nodes.");
        if (graph.Edges is { Count: > MaxEdges }) v.Add($"{field}.edges", $"must have at most {MaxEdges} edges.");
        v.ThrowIfInvalid();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<WorkflowNode>();
        for (var i = 0; i < graph.Nodes!.Count; i++)
        {
            var node = graph.Nodes[i];
            var at = $"{field}.nodes[{i}]";
            if (string.IsNullOrWhiteSpace(node.Id)) v.Add($"{at}.id", "is required.");
            else if (node.Id.Length > MaxIdLength) v.Add($"{at}.id", $"must be at most {MaxIdLength} characters.");
            else if (!seen.Add(node.Id)) v.Add($"{at}.id", $"'{node.Id}' is the id of another node.");
            if (string.IsNullOrWhiteSpace(node.Type)) v.Add($"{at}.type", "is required.");
            else if (node.Type.Length > 60) v.Add($"{at}.type", "must be at most 60 characters.");
            if (node.Settings is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) }) v.Add($"{at}.settings", "must be a JSON object.");
            if (node.Position is { } p && (!double.IsFinite(p.X) || !double.IsFinite(p.Y) || Math.Abs(p.X) > MaxCoordinate || Math.Abs(p.Y) > MaxCoordinate))
                v.Add($"{at}.position", $"must be between -{MaxCoordinate} and {MaxCoordinate}.");
            nodes.Add(node with
            {
                Settings = node.Settings is { ValueKind: JsonValueKind.Object } ? node.Settings : JsonSerializer.SerializeToElement(new { }),
                Position = node.Position ?? new NodePosition(0, 0),
            });
        }
        var edges = graph.Edges ?? [];
        for (var i = 0; i < edges.Count; i++)
        {
            var at = $"{field}.edges[{i}]";
            if (string.IsNullOrWhiteSpace(edges[i].Source)) v.Add($"{at}.source", "is required.");
            if (string.IsNullOrWhiteSpace(edges[i].SourcePort)) v.Add($"{at}.source_port", "is required (e.g. next, true, false).");
            if (string.IsNullOrWhiteSpace(edges[i].Target)) v.Add($"{at}.target", "is required.");
        }
        v.ThrowIfInvalid();
        var normalized = new WorkflowGraph(nodes, [.. edges]);
        if (WorkflowJson.Serialize(normalized).Length > MaxJsonLength) throw new ValidationException(field, $"must be at most {MaxJsonLength / 1000} kB of JSON.");
        return normalized;
    }
}
