using System.Text.Json;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Core.Tests.Workflows;

/// <summary>What a version changed from the one before: the version history's summary.</summary>
public class WorkflowGraphDiffTests
{
    private static WorkflowNode Node(string id, string type, string settings, double x = 0) =>
        new(id, type, JsonDocument.Parse(settings).RootElement.Clone(), new NodePosition(x, 0));

    private static WorkflowGraph Graph(WorkflowNode[] nodes, params (string From, string Port, string To)[] edges) =>
        new([.. nodes], [.. edges.Select(e => new WorkflowEdge(e.From, e.Port, e.To))]);

    [Fact]
    public void Added_removed_changed_and_moved_steps_and_links_are_counted_apart()
    {
        var before = Graph([Node("start", "trigger", """{"kind":"manual"}"""), Node("tag", "add_tag", """{"tag":"vip"}""", 300),
            Node("old", "add_note", """{"text":"x"}""", 600), Node("end", "end", "{}", 900)],
            ("start", "next", "tag"), ("tag", "next", "old"), ("old", "next", "end"));
        var after = Graph([Node("start", "trigger", """{"kind":"manual"}""", 40), Node("tag", "add_tag", """{"tag":"quente"}""", 300),
            Node("nota", "add_note", """{"text":"y"}""", 600), Node("end", "end", "{}", 900)],
            ("start", "next", "tag"), ("tag", "next", "nota"), ("nota", "next", "end"));

        var diff = WorkflowGraphDiff.Between(before, after);

        Assert.Equal(["nota"], diff.NodesAdded);
        Assert.Equal(["old"], diff.NodesRemoved);
        Assert.Equal(["tag"], diff.NodesChanged);
        Assert.Equal(1, diff.NodesMoved); // start only moved; tag moved nowhere and changed
        Assert.Equal((2, 2), (diff.EdgesAdded, diff.EdgesRemoved));
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void The_same_graph_with_settings_written_in_another_order_has_no_changes()
    {
        var before = Graph([Node("c", "condition", """{"field":"lead.value","operator":"gte","value":1000}""")]);
        var after = Graph([Node("c", "condition", """{ "value": 1000, "operator": "gte", "field": "lead.value" }""")]);

        Assert.True(WorkflowGraphDiff.Between(before, after).IsEmpty);
    }

    [Fact]
    public void A_changed_port_is_a_link_removed_and_one_added_and_a_missing_port_means_next()
    {
        var nodes = new[] { Node("c", "condition", "{}"), Node("a", "end", "{}") };
        var before = new WorkflowGraph([.. nodes], [new WorkflowEdge("c", "true", "a"), new WorkflowEdge("a", null, "c")]);
        var after = new WorkflowGraph([.. nodes], [new WorkflowEdge("c", "false", "a"), new WorkflowEdge("a", "next", "c")]);

        var diff = WorkflowGraphDiff.Between(before, after);

        Assert.Equal((1, 1), (diff.EdgesAdded, diff.EdgesRemoved));
    }
}
