namespace SalesCrm.Core.Workflows;

/// <summary>One thing wrong with a graph: the node it concerns (none for graph-wide problems), a stable code from <see cref="WorkflowProblemCodes"/> and an English message.</summary>
public sealed record WorkflowProblem(string? NodeId, string Code, string Message);
