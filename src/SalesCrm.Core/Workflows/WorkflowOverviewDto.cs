namespace SalesCrm.Core.Workflows;

/// <summary>
/// A row of the workflow list page: the summary plus what its chips say — how many problems the draft has, whether the
/// draft differs from the published version, and when the current version was published (UTC; null before the first publish).
/// </summary>
public sealed record WorkflowOverviewDto(WorkflowSummaryDto Workflow, int Problems, bool HasUnpublishedChanges, DateTime? LastPublishedAt);
