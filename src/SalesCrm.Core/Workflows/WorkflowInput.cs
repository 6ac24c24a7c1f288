namespace SalesCrm.Core.Workflows;

/// <summary>
/// What a caller may set on a workflow; on update, null keeps the current value. <see cref="ExpectedRevision"/>: the
/// draft's <see cref="WorkflowDto.Revision"/> the caller's edit started from; when given and stale the update is refused
/// (<c>409 WORKFLOW_CHANGED</c>) instead of overwriting what was saved in between. Omitted, the last save wins.
/// </summary>
public sealed record WorkflowInput(string? Name, string? Description, WorkflowGraph? Graph, bool? Active, int? ExpectedRevision = null);
