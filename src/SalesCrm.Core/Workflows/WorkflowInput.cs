namespace SalesCrm.Core.Workflows;

/// <summary>What a caller may set on a workflow; on update, null keeps the current value.</summary>
public sealed record WorkflowInput(string? Name, string? Description, WorkflowGraph? Graph, bool? Active);
