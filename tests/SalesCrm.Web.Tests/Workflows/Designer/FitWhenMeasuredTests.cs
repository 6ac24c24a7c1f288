using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using SalesCrm.Web.Features.Workflows.Designer;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>
/// The designer and the run page fit the graph they open once the browser has measured it: the canvas and the nodes
/// report their sizes after the page's render, one by one, in any order.
/// </summary>
public class FitWhenMeasuredTests
{
    private static (BlazorDiagram Diagram, FitWhenMeasured Fit) Opened(int nodes)
    {
        var diagram = new BlazorDiagram(new() { Zoom = { Minimum = 0.2, Maximum = 1 } });
        for (var i = 0; i < nodes; i++) diagram.Nodes.Add(new NodeModel(new Point(i % 10 * 260.0, i / 10 * 150.0)));
        var fit = new FitWhenMeasured(diagram, work => work());
        fit.Watch();
        return (diagram, fit);
    }

    [Fact]
    public void A_large_graph_is_fitted_when_the_last_node_is_measured_after_the_canvas()
    {
        var (diagram, fit) = Opened(30);
        using var _ = fit;

        diagram.SetContainer(new Rectangle(0, 0, 1200, 800));
        Assert.Equal(1, diagram.Zoom);
        foreach (var node in diagram.Nodes.Take(29)) node.Size = new Size(200, 80);
        Assert.Equal(1, diagram.Zoom);

        diagram.Nodes.Last().Size = new Size(200, 80);

        Assert.True(diagram.Zoom < 1, $"zoom {diagram.Zoom}");
        Assert.True(OpeningFit.Fits(diagram));
    }

    [Fact]
    public void A_graph_measured_before_the_canvas_is_fitted_when_the_canvas_is_measured()
    {
        var (diagram, fit) = Opened(30);
        using var _ = fit;
        foreach (var node in diagram.Nodes) node.Size = new Size(200, 80);
        Assert.Equal(1, diagram.Zoom);

        diagram.SetContainer(new Rectangle(0, 0, 1200, 800));

        Assert.True(OpeningFit.Fits(diagram));
        Assert.True(diagram.Zoom < 1);
    }

    [Fact]
    public void After_the_opening_fit_later_measures_and_resizes_do_not_refit()
    {
        var (diagram, fit) = Opened(30);
        using var _ = fit;
        diagram.SetContainer(new Rectangle(0, 0, 1200, 800));
        foreach (var node in diagram.Nodes) node.Size = new Size(200, 80);
        diagram.SetZoom(1);
        diagram.SetPan(0, 0);

        diagram.Nodes.First().Size = new Size(240, 90);
        diagram.SetContainer(new Rectangle(0, 0, 1000, 700));

        Assert.Equal(1, diagram.Zoom);
        Assert.Equal((0d, 0d), (diagram.Pan.X, diagram.Pan.Y));
    }

    [Fact]
    public async Task When_the_canvas_moves_or_resizes_the_ports_are_measured_again_once_it_settles()
    {
        var (diagram, fit) = Opened(3);
        using var _ = fit;
        diagram.SetContainer(new Rectangle(240, 100, 800, 700)); // the menu still open
        foreach (var node in diagram.Nodes) node.Size = new Size(200, 80);
        var port = diagram.Nodes[0].AddPort(PortAlignment.Right);
        port.Initialized = true;

        // The menu folds away: the canvas slides left and widens over a few frames.
        diagram.SetContainer(new Rectangle(120, 100, 920, 700));
        diagram.SetContainer(new Rectangle(0, 100, 1040, 700));
        Assert.True(port.Initialized);

        await Task.Delay(600);
        Assert.False(port.Initialized);
    }
}
