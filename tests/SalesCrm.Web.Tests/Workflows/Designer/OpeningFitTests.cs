using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using SalesCrm.Web.Features.Workflows.Designer;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>How the designer shows the graph it opens on a 1200×800 canvas: life size when it fits, fitted once when not.</summary>
public class OpeningFitTests
{
    private static BlazorDiagram Canvas(params (double X, double Y)[] nodes)
    {
        var diagram = new BlazorDiagram(new() { Zoom = { Minimum = 0.2, Maximum = 2.5 } });
        diagram.SetContainer(new Rectangle(0, 0, 1200, 800));
        foreach (var (x, y) in nodes) diagram.Nodes.Add(new NodeModel(new Point(x, y)) { Size = new Size(200, 80) });
        return diagram;
    }

    private static void AssertEveryNodeInside(BlazorDiagram diagram)
    {
        foreach (var node in diagram.Nodes)
        {
            var (left, top) = (node.Position.X * diagram.Zoom + diagram.Pan.X, node.Position.Y * diagram.Zoom + diagram.Pan.Y);
            var (right, bottom) = (left + node.Size!.Width * diagram.Zoom, top + node.Size.Height * diagram.Zoom);
            Assert.True(left >= 0 && top >= 0 && right <= 1200 && bottom <= 800, $"{node.Id} at ({left}, {top})–({right}, {bottom})");
        }
    }

    [Fact]
    public void A_small_graph_that_fits_stays_at_life_size_without_pan()
    {
        var diagram = Canvas((60, 60), (340, 60), (620, 200));

        Assert.False(OpeningFit.Apply(diagram));

        Assert.Equal(1, diagram.Zoom);
        Assert.Equal((0d, 0d), (diagram.Pan.X, diagram.Pan.Y));
    }

    [Fact]
    public void A_sixty_node_graph_larger_than_the_canvas_is_zoomed_out_until_every_node_is_inside()
    {
        var diagram = Canvas(Enumerable.Range(0, 60).Select(i => (i % 10 * 260.0, i / 10 * 150.0)).ToArray());

        Assert.True(OpeningFit.Apply(diagram));

        Assert.True(diagram.Zoom < 1, $"zoom {diagram.Zoom}");
        AssertEveryNodeInside(diagram);
    }

    [Fact]
    public void A_small_graph_lying_off_the_visible_corner_is_brought_in_at_life_size_not_enlarged()
    {
        var diagram = Canvas((-400, -300), (-150, -300));

        Assert.True(OpeningFit.Apply(diagram));

        Assert.Equal(1, diagram.Zoom);
        AssertEveryNodeInside(diagram);
    }

    [Fact]
    public void Nothing_is_fitted_before_every_node_is_measured()
    {
        var diagram = Canvas(Enumerable.Range(0, 20).Select(i => (i * 300.0, 0.0)).ToArray());
        diagram.Nodes.Add(new NodeModel(new Point(0, 0)));

        Assert.False(OpeningFit.Ready(diagram));
        Assert.False(OpeningFit.Apply(diagram));
        Assert.Equal(1, diagram.Zoom);
    }
}
