namespace SalesCrm.Core.Workflows.Runs;

/// <summary>A run as its page draws it: the run with its steps, its workflow's name, the graph of the version it ran on, its lead's name.</summary>
public sealed record WorkflowRunView(WorkflowRunDto Run, string WorkflowName, WorkflowGraph Graph, string? LeadName);
