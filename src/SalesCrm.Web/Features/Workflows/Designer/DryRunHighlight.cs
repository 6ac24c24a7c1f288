using Blazor.Diagrams;
using SalesCrm.Core.Workflows.DryRuns;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// Marks a dry run's path on the canvas: its nodes get the <c>wf-dry-hit</c> class (<see cref="WorkflowNodeModel.DryRunHit"/>)
/// and the links it took are drawn thicker in the highlight colour; <c>null</c> clears both.
/// </summary>
public static class DryRunHighlight
{
    public const string LinkColor = "#2e7d32";

    public static void Apply(BlazorDiagram diagram, WorkflowDryRunDto? result)
    {
        var path = result?.Path ?? [];
        var nodes = path.Select(s => s.NodeId).ToHashSet(StringComparer.Ordinal);
        // A link is taken when its source left through its port and the next step is its target.
        var taken = path.Zip(path.Skip(1), (from, to) => (from.NodeId, from.Port, to.NodeId)).ToHashSet();
        foreach (var node in diagram.Nodes.OfType<WorkflowNodeModel>())
        {
            var hit = nodes.Contains(node.Id);
            if (node.DryRunHit == hit) continue;
            node.DryRunHit = hit;
            node.Refresh();
        }
        foreach (var link in diagram.Links.OfType<WorkflowLinkModel>())
        {
            var on = link.SourcePort is { Parent: WorkflowNodeModel source } port && link.TargetPort?.Parent is WorkflowNodeModel target
                && taken.Contains((source.Id, port.Name, target.Id));
            var color = on ? LinkColor : null;
            if (link.Color == color) continue;
            link.Color = color;
            link.Width = on ? 4 : 2;
            link.Refresh();
        }
    }
}
