using Blazor.Diagrams.Core.Models;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>A stored edge: from a named output port to a node's input, labelled with the port's localized name.</summary>
public sealed class WorkflowLinkModel : LinkModel
{
    public WorkflowLinkModel(WorkflowPortModel source, WorkflowPortModel target) : base(source, target) => TargetMarker = LinkMarker.Arrow;

    public WorkflowLinkModel(WorkflowPortModel source, Blazor.Diagrams.Core.Anchors.Anchor target)
        : base(new Blazor.Diagrams.Core.Anchors.SinglePortAnchor(source), target) => TargetMarker = LinkMarker.Arrow;

    public WorkflowPortModel? SourcePort => (Source as Blazor.Diagrams.Core.Anchors.SinglePortAnchor)?.Port as WorkflowPortModel;

    public WorkflowPortModel? TargetPort => (Target as Blazor.Diagrams.Core.Anchors.SinglePortAnchor)?.Port as WorkflowPortModel;
}
