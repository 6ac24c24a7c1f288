using System.Text.Json;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Tests.Workflows.Nodes;

public sealed class StartNodeTests
{
    private static WorkflowNode Trigger(string id, object settings) => new(id, "trigger", JsonSerializer.SerializeToElement(settings, WorkflowJson.Options), null);

    [Fact]
    public void A_run_starts_at_the_trigger_of_its_kind_and_event_type()
    {
        var graph = new WorkflowGraph(
        [
            Trigger("by_hand", new { kind = "manual" }),
            Trigger("created", new { kind = "event", event_type = "lead.created" }),
            Trigger("won", new { kind = "event", event_type = "deal.won" }),
        ], []);
        Assert.Equal("won", WorkflowQueueProcessor.StartNode(graph, "event", "deal.won"));
        Assert.Equal("by_hand", WorkflowQueueProcessor.StartNode(graph, "manual", null));
        Assert.Equal("by_hand", WorkflowQueueProcessor.StartNode(graph, "webhook", null));
    }
}
