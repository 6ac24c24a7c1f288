using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using SalesCrm.Core.Workflows;
using SalesCrm.Web.Features.Workflows.Designer;
using static SalesCrm.Web.Tests.Workflows.Designer.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Designer;

public class WorkflowDiagramMapperTests
{
    private static WorkflowDiagramMapper Mapper() => new((type, port) => $"{type}.{port}");

    private static string RoundTrip(WorkflowGraph graph)
    {
        var diagram = new BlazorDiagram();
        var mapper = Mapper();
        mapper.Load(diagram, graph);
        return WorkflowJson.Serialize(mapper.ToGraph(diagram));
    }

    [Fact]
    public void A_graph_with_every_node_type_loads_and_saves_exactly_as_stored()
    {
        var graph = EveryType();
        Assert.Equal(WorkflowNodeCatalog.List().Count, graph.Nodes!.Select(n => n.Type).Distinct().Count());

        Assert.Equal(WorkflowJson.Serialize(graph), RoundTrip(graph));
    }

    [Fact]
    public void A_complex_graph_with_loops_case_ports_and_problems_loads_and_saves_exactly_as_stored()
    {
        var graph = Complex();

        Assert.Equal(WorkflowJson.Serialize(graph), RoundTrip(graph));
    }

    [Fact]
    public void A_stored_graph_read_back_from_json_round_trips_through_the_canvas_twice()
    {
        var stored = WorkflowJson.Serialize(WorkflowGraphShape.Normalize(Complex()));
        var once = RoundTrip(WorkflowJson.Deserialize(stored));

        Assert.Equal(stored, once);
        Assert.Equal(stored, RoundTrip(WorkflowJson.Deserialize(once)));
    }

    [Fact]
    public void Each_node_is_one_model_with_the_catalog_ports_and_each_edge_one_link_labelled_with_its_port()
    {
        var diagram = new BlazorDiagram();
        Mapper().Load(diagram, Complex());

        var route = Assert.IsType<WorkflowNodeModel>(diagram.Nodes.Single(n => n.Id == "route"));
        Assert.Equal(["curitiba", "sao_paulo", "default"], route.Outputs.Select(p => p.Name));
        Assert.NotNull(route.Input);
        var start = Assert.IsType<WorkflowNodeModel>(diagram.Nodes.Single(n => n.Id == "start"));
        Assert.Null(start.Input);
        var other = (WorkflowNodeModel)diagram.Nodes.Single(n => n.Id == "other");
        Assert.Equal([("true", true), ("false", true), ("maybe", false)], other.Outputs.Select(p => (p.Name!, p.Declared)));
        Assert.Equal(13, diagram.Links.Count);
        Assert.Equal("condition.true", diagram.Links.OfType<WorkflowLinkModel>().Single(l => l.SourcePort!.Node.Id == "other" && l.SourcePort.Name == "true").Labels.Single().Content);
    }

    [Fact]
    public void An_edge_to_a_node_that_is_not_in_the_graph_is_kept_though_it_cannot_be_drawn()
    {
        var graph = new WorkflowGraph([Node("start", "trigger", SettingsOf("trigger"))], [Edge("start", "next", "ghost")]);
        var diagram = new BlazorDiagram();
        var mapper = Mapper();
        mapper.Load(diagram, graph);

        Assert.Empty(diagram.Links);
        Assert.Equal(WorkflowJson.Serialize(graph), WorkflowJson.Serialize(mapper.ToGraph(diagram)));
    }

    [Fact]
    public void Adding_and_connecting_nodes_gives_fresh_ids_and_one_link_per_port()
    {
        var diagram = new BlazorDiagram();
        var mapper = Mapper();
        var trigger = mapper.AddNode(diagram, "trigger", new Point(0, 0));
        var condition = mapper.AddNode(diagram, "condition", new Point(200, 0));
        var tag = mapper.AddNode(diagram, "add_tag", new Point(400, 0));
        var tag2 = mapper.AddNode(diagram, "add_tag", new Point(400, 100));

        mapper.Connect(diagram, trigger, "next", condition);
        mapper.Connect(diagram, condition, "true", tag);
        mapper.Connect(diagram, condition, "true", tag2);

        Assert.Equal(["trigger_1", "condition_1", "add_tag_1", "add_tag_2"], diagram.Nodes.Select(n => n.Id));
        var graph = mapper.ToGraph(diagram);
        Assert.Equal([Edge("trigger_1", "next", "condition_1"), Edge("condition_1", "true", "add_tag_2")], graph.Edges);
    }

    [Fact]
    public void Changing_a_switchs_cases_adds_their_ports_and_drops_the_removed_ones_with_their_links()
    {
        var diagram = new BlazorDiagram();
        var mapper = Mapper();
        mapper.Load(diagram, Complex());
        var route = (WorkflowNodeModel)diagram.Nodes.Single(n => n.Id == "route");

        route.Settings = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>("""{"field":"x","cases":[{"port":"curitiba","value":1},{"port":"rio","value":2}]}""");
        mapper.RefreshPorts(diagram, route);

        Assert.Equal(["curitiba", "default", "rio"], route.Outputs.Select(p => p.Name));
        Assert.DoesNotContain(mapper.ToGraph(diagram).Edges!, e => e.SourcePort == "sao_paulo");
    }
}
