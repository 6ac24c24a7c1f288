using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// A port of a <see cref="WorkflowNodeModel"/>: its one input (left) or a named output (right) whose <see cref="Name"/> is
/// the stored <c>source_port</c>. An output the node's type does not declare (<see cref="Declared"/> false) still shows,
/// so a stored edge from it is kept and the problem is visible.
/// </summary>
public sealed class WorkflowPortModel(WorkflowNodeModel parent, string? name, bool declared = true)
    : PortModel($"{parent.Id}:{name ?? "in"}", parent, name is null ? PortAlignment.Left : PortAlignment.Right)
{
    /// <summary>The output's stored name; null for the input.</summary>
    public string? Name { get; } = name;

    public bool IsInput => Name is null;

    public bool Declared { get; } = declared;

    public WorkflowNodeModel Node => (WorkflowNodeModel)Parent;

    /// <summary>Links go from an output to another node's input, never the other way.</summary>
    public override bool CanAttachTo(ILinkable other) =>
        !IsInput && other is WorkflowPortModel { IsInput: true } target && target.Parent != Parent && !target.Locked;
}
