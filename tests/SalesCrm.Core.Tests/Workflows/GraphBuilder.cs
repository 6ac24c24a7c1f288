using System.Text.Json;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Core.Tests.Workflows;

/// <summary>Test graphs: <c>new GraphBuilder().Trigger("t").Node("tag", "add_tag", new { tag = "vip" }).Edge("t", "tag")</c>.</summary>
internal sealed class GraphBuilder
{
    private readonly List<WorkflowNode> _nodes = [];
    private readonly List<WorkflowEdge> _edges = [];

    public GraphBuilder Node(string id, string type, object? settings = null)
    {
        _nodes.Add(new WorkflowNode(id, type, settings is null ? null : JsonSerializer.SerializeToElement(settings), new NodePosition(_nodes.Count * 200, 0)));
        return this;
    }

    public GraphBuilder Trigger(string id = "t", object? settings = null) => Node(id, "trigger", settings ?? new { kind = "manual" });

    public GraphBuilder End(string id = "end") => Node(id, "end");

    public GraphBuilder Edge(string from, string to, string port = "next")
    {
        _edges.Add(new WorkflowEdge(from, port, to));
        return this;
    }

    public WorkflowGraph Build() => WorkflowGraphShape.Normalize(new WorkflowGraph(_nodes, _edges));

    public IReadOnlyList<WorkflowProblem> Problems() => WorkflowGraphValidator.Validate(Build());
}
