using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Geometry;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// The designer's copy/paste: <see cref="Copy"/> keeps a snapshot of the selected nodes (type, settings, position) and the
/// links between them; each <see cref="Paste"/> adds fresh nodes (ids <c>type_n</c>, as the palette makes them) 40 px
/// further right and down than the previous paste, linked as the copies were. A trigger is never copied: a workflow has
/// one (<see cref="SkippedTriggers"/> says how many the selection had). Lives for the page, not shared between pages.
/// </summary>
public sealed class DiagramClipboard
{
    /// <summary>How far (px, canvas units) each paste moves from the previous one, on both axes.</summary>
    public const double Offset = 40;

    private IReadOnlyList<WorkflowNode> _nodes = [];
    private IReadOnlyList<WorkflowEdge> _edges = [];
    private int _pastes;

    /// <summary>True when something was copied and can be pasted.</summary>
    public bool CanPaste => _nodes.Count > 0;

    /// <summary>Triggers left out of the last copy.</summary>
    public int SkippedTriggers { get; private set; }

    /// <summary>
    /// Copies the selected nodes (triggers left out) and the drawn links whose both ends are among them; returns how many
    /// nodes were copied. With no node to copy the clipboard keeps its content.
    /// </summary>
    public int Copy(Diagram diagram)
    {
        var selected = diagram.GetSelectedModels().OfType<WorkflowNodeModel>().ToList();
        SkippedTriggers = selected.Count(n => n.Type == WorkflowNodeCatalog.Trigger);
        // Settings are cloned: the copy must not follow later edits of the originals.
        var nodes = selected.Where(n => n.Type != WorkflowNodeCatalog.Trigger)
            .Select(n => new WorkflowNode(n.Id, n.Type, n.Settings?.Clone(), new NodePosition(n.Position.X, n.Position.Y)))
            .ToList();
        // Nothing to copy keeps what was copied before, as text editors do.
        if (nodes.Count == 0) return 0;
        _nodes = nodes;
        var ids = _nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        _edges = diagram.Links.OfType<WorkflowLinkModel>()
            .Where(l => l.SourcePort is { IsInput: false } from && l.TargetPort is { IsInput: true } to && ids.Contains(from.Node.Id) && ids.Contains(to.Node.Id))
            .Select(l => new WorkflowEdge(l.SourcePort!.Node.Id, l.SourcePort.Name, l.TargetPort!.Node.Id))
            .ToList();
        _pastes = 0;
        return _nodes.Count;
    }

    /// <summary>
    /// Adds a copy of the clipboard to <paramref name="diagram"/> in one batch (one change, so one undo step) and returns the
    /// new nodes. A link from an output the new node does not have (a stored edge from an undeclared port) is not redrawn.
    /// </summary>
    public IReadOnlyList<WorkflowNodeModel> Paste(Diagram diagram, WorkflowDiagramMapper mapper)
    {
        if (!CanPaste) return [];
        var shift = Offset * ++_pastes;
        var pasted = new Dictionary<string, WorkflowNodeModel>(StringComparer.Ordinal);
        diagram.Batch(() =>
        {
            foreach (var node in _nodes)
            {
                var at = new Point((node.Position?.X ?? 0) + shift, (node.Position?.Y ?? 0) + shift);
                pasted[node.Id!] = mapper.AddNode(diagram, node.Type!, at, node.Settings?.Clone());
            }
            foreach (var edge in _edges)
                mapper.Connect(diagram, pasted[edge.Source!], edge.SourcePort!, pasted[edge.Target!]);
        });
        return [.. pasted.Values];
    }
}
