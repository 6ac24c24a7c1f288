using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows;

/// <summary>Publishing a graph with problems: a 400 problem+json with code WORKFLOW_INVALID listing each node and its problem.</summary>
public sealed class WorkflowInvalidException(IReadOnlyList<WorkflowProblem> problems)
    : DomainException(ErrorCodes.WorkflowInvalid, $"The workflow has {problems.Count} problem(s) and cannot be published.")
{
    public IReadOnlyList<WorkflowProblem> Problems { get; } = problems;
}
