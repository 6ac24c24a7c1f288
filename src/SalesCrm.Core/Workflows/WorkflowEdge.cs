namespace SalesCrm.Core.Workflows;

/// <summary>A link from an output port of one node to another node (nodes have one input).</summary>
public sealed record WorkflowEdge(string? Source, string? SourcePort, string? Target);
