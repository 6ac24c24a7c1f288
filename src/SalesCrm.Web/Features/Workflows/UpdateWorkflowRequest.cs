using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// Body of <c>PUT /api/v1/workflows/{id}</c>: the draft's fields; an omitted one keeps its value. <c>active</c> pauses or
/// resumes a published workflow. <c>expected_revision</c>: the <c>revision</c> read before editing; a save in between makes
/// it <c>409 WORKFLOW_CHANGED</c> instead of overwriting that save.
/// </summary>
public sealed record UpdateWorkflowRequest(string? Name, string? Description, WorkflowGraph? Graph, bool? Active, int? ExpectedRevision = null)
{
    public WorkflowInput ToInput() => new(Name, Description, Graph, Active, ExpectedRevision);
}
