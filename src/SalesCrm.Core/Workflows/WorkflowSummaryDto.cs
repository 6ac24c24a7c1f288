namespace SalesCrm.Core.Workflows;

/// <summary>A row of the workflow list (no graph).</summary>
public sealed record WorkflowSummaryDto(Guid Id, string Name, string? Description, bool Active, int Version, DateTime CreatedAt, DateTime UpdatedAt);
