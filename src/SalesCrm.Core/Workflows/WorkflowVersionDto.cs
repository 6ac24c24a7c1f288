namespace SalesCrm.Core.Workflows;

/// <summary>A published version with its graph, for history and "restore as draft".</summary>
public sealed record WorkflowVersionDto(int Version, DateTime PublishedAt, Guid? PublishedBy, string? PublishedByName, WorkflowGraph Graph);
