namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>One node on a dry run's path: the port it would leave through (null when the path ends there) and why, when it is not obvious.</summary>
public sealed record DryRunStepDto(string NodeId, string Type, string? Port, string? Note);
