using System.Text.Json;
using SalesCrm.Core.Common;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Core.Tests.Workflows;

public class WorkflowGraphShapeTests
{
    [Fact]
    public void Nodes_without_an_id_or_with_a_repeated_one_and_edges_without_ends_cannot_be_stored()
    {
        var graph = new WorkflowGraph(
            [new WorkflowNode("a", "end", null, null), new WorkflowNode("a", "end", null, null), new WorkflowNode(null, "end", null, null)],
            [new WorkflowEdge("a", null, "b"), new WorkflowEdge(null, "next", null)]);
        var error = Assert.Throws<ValidationException>(() => WorkflowGraphShape.Normalize(graph));
        Assert.Equal(["graph.edges[0].source_port", "graph.edges[1].source", "graph.edges[1].target", "graph.nodes[1].id", "graph.nodes[2].id"], error.Errors.Keys.Order());
    }

    [Fact]
    public void Settings_must_be_an_object_and_absent_ones_become_empty()
    {
        var bad = new WorkflowGraph([new WorkflowNode("a", "end", JsonSerializer.SerializeToElement(5), null)], []);
        Assert.Contains("graph.nodes[0].settings", Assert.Throws<ValidationException>(() => WorkflowGraphShape.Normalize(bad)).Errors.Keys);
        var node = Assert.Single(WorkflowGraphShape.Normalize(new WorkflowGraph([new WorkflowNode("a", "end", null, null)], null)).Nodes!);
        Assert.Equal(JsonValueKind.Object, node.Settings!.Value.ValueKind);
        Assert.Equal(new NodePosition(0, 0), node.Position);
    }

    [Theory]
    [InlineData(1e308, -1e308)]
    [InlineData(100_001, 0)]
    [InlineData(0, -250_000)]
    public void A_node_placed_beyond_what_the_canvas_can_draw_is_refused(double x, double y)
    {
        var graph = new WorkflowGraph([new WorkflowNode("a", "end", null, new NodePosition(x, y))], []);
        var error = Assert.Throws<ValidationException>(() => WorkflowGraphShape.Normalize(graph));
        Assert.Equal(["must be between -100000 and 100000."], error.Errors["graph.nodes[0].position"]);
        Assert.NotNull(WorkflowGraphShape.Normalize(new WorkflowGraph([new WorkflowNode("a", "end", null, new NodePosition(-100_000, 100_000))], [])));
    }

    [Fact]
    public void A_graph_survives_storage_as_json_unchanged()
    {
        var graph = new GraphBuilder().Trigger("t", new { kind = "event", event_type = "lead.created" }).Node("n", "add_note", new { text = "Olá {{lead.name}}" })
            .Edge("t", "n").Build();
        var json = WorkflowJson.Serialize(graph);
        Assert.Contains("\"source_port\":\"next\"", json);
        Assert.Equal(json, WorkflowJson.Serialize(WorkflowJson.Deserialize(json)));
    }
}
