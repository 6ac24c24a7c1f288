namespace SalesCrm.Core.Workflows;

/// <summary>
/// A workflow as the API shows it: <see cref="Version"/> is the published version (0 before the first publish),
/// <see cref="Graph"/> the draft, <see cref="Problems"/> what would stop the draft from being published.
/// </summary>
public sealed record WorkflowDto(Guid Id, string Name, string? Description, bool Active, int Version, WorkflowGraph Graph,
    IReadOnlyList<WorkflowProblem> Problems, bool HasUnpublishedChanges, DateTime CreatedAt, DateTime UpdatedAt, int Revision);
