using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Extensions;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// How the designer shows a graph it opens: at life size (zoom 1, no pan) when every node is inside the visible canvas,
/// otherwise fitted once (<c>ZoomToFit</c> with a margin), never above life size. Needs the canvas and every node
/// measured by the browser first (<see cref="Ready"/>).
/// </summary>
public static class OpeningFit
{
    /// <summary>Space (px) left around the graph when it is fitted; the toolbar's Fit uses the same.</summary>
    public const double Margin = 40;

    /// <summary>True once the canvas and every node have a size (nothing to fit with no nodes).</summary>
    public static bool Ready(Diagram diagram) =>
        diagram.Container is not null && diagram.Nodes.Count > 0 && diagram.Nodes.All(n => n.Size is not null);

    /// <summary>True when every node lies inside the canvas at the diagram's current zoom and pan.</summary>
    public static bool Fits(Diagram diagram)
    {
        if (diagram.Container is not { } box || diagram.Nodes.Count == 0) return true;
        var bounds = diagram.Nodes.GetBounds();
        var (zoom, pan) = (diagram.Zoom, diagram.Pan);
        return bounds.Left * zoom + pan.X >= 0 && bounds.Top * zoom + pan.Y >= 0
            && bounds.Right * zoom + pan.X <= box.Width && bounds.Bottom * zoom + pan.Y <= box.Height;
    }

    /// <summary>Fits the graph when it does not fit as it is; returns true when it changed the view.</summary>
    public static bool Apply(Diagram diagram)
    {
        if (!Ready(diagram) || Fits(diagram)) return false;
        diagram.ZoomToFit(Margin);
        // ZoomToFit zooms in as far as it can: a small graph lying off the visible corner would come up enlarged;
        // show it at life size, centred.
        if (diagram.Zoom <= 1 || diagram.Container is not { } box) return true;
        var bounds = diagram.Nodes.GetBounds();
        diagram.SetZoom(1);
        diagram.SetPan(box.Width / 2 - (bounds.Left + bounds.Right) / 2, box.Height / 2 - (bounds.Top + bounds.Bottom) / 2);
        return true;
    }
}
