namespace SalesCrm.Core.Workflows;

/// <summary>
/// The stored graph of a workflow, the contract of the API, export/import and the designer (ADR 050):
/// <c>{ "nodes": [{ "id", "type", "settings", "position" }], "edges": [{ "source", "source_port", "target" }] }</c>.
/// </summary>
public sealed record WorkflowGraph(List<WorkflowNode>? Nodes, List<WorkflowEdge>? Edges)
{
    public static WorkflowGraph Empty() => new([], []);
}
