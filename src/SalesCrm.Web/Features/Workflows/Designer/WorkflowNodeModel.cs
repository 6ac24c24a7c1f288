using System.Text.Json;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// One stored node on the canvas: the diagram model's id is the node's id in the graph, <see cref="Type"/> and
/// <see cref="Settings"/> are kept as stored (settings as their raw JSON, so loading and saving changes nothing).
/// </summary>
public sealed class WorkflowNodeModel(string id, string type, JsonElement? settings, Point position) : NodeModel(id, position)
{
    public string Type { get; } = type;

    public JsonElement? Settings { get; set; } = settings;

    /// <summary>The catalog entry, or null for a type the catalog does not know (shown as such, kept as stored).</summary>
    public WorkflowNodeType? NodeType { get; } = WorkflowNodeCatalog.Find(type);

    /// <summary>The validator's problems about this node, for its badge.</summary>
    public IReadOnlyList<WorkflowProblem> Problems { get; set; } = [];

    /// <summary>True while the designer shows a dry run whose path goes through this node (class <c>wf-dry-hit</c>).</summary>
    public bool DryRunHit { get; set; }

    public WorkflowPortModel? Input => Ports.OfType<WorkflowPortModel>().FirstOrDefault(p => p.IsInput);

    public IEnumerable<WorkflowPortModel> Outputs => Ports.OfType<WorkflowPortModel>().Where(p => !p.IsInput);

    public WorkflowPortModel? Output(string name) => Outputs.FirstOrDefault(p => p.Name == name);

    public WorkflowNode ToNode() => new(Id, Type, Settings, new NodePosition(Position.X, Position.Y));
}
