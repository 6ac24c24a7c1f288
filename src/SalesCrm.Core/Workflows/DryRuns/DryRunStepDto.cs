namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// One node on a dry run's path: the port it would leave through (null when the path ends there) and why, when it is
/// not obvious. A <c>call_workflow</c> node carries in <see cref="Call"/> what it would start (the called workflow's own
/// walk, or why the engine would not run it); null for every other node.
/// </summary>
public sealed record DryRunStepDto(string NodeId, string Type, string? Port, string? Note, DryRunCallDto? Call = null);
