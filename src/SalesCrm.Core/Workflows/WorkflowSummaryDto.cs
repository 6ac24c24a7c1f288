namespace SalesCrm.Core.Workflows;

/// <summary>A row of the workflow list (no graph).</summary>
public sealed record WorkflowSummaryDto(Guid Id, string Name, string? Description, bool Active, int Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static WorkflowSummaryDto From(Workflow w) => new(w.Id, w.Name, w.Description, w.IsActive, w.Version, w.CreatedAt, w.UpdatedAt);
}
