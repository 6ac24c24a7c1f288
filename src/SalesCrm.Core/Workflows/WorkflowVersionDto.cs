namespace SalesCrm.Core.Workflows;

/// <summary>
/// A published version with its graph, for history and "restore as draft"; <see cref="PublishedAt"/> UTC.
/// <see cref="Changes"/>: what this version changed from the one before it (null for the first).
/// </summary>
public sealed record WorkflowVersionDto(int Version, DateTime PublishedAt, Guid? PublishedBy, string? PublishedByName, WorkflowGraph Graph,
    WorkflowGraphDiff? Changes = null);
