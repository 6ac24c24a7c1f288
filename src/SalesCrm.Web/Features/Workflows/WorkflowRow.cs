using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>A row of the workflow list: the summary plus what its chips say (problems, unpublished changes, last publish).</summary>
public sealed record WorkflowRow(WorkflowSummaryDto Workflow, int Problems, bool HasUnpublishedChanges, DateTime? LastPublishedAt);
