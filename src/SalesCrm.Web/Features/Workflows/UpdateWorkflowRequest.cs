using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>Body of <c>PUT /api/v1/workflows/{id}</c>: the draft's fields; an omitted one keeps its value. <c>active</c> pauses or resumes a published workflow.</summary>
public sealed record UpdateWorkflowRequest(string? Name, string? Description, WorkflowGraph? Graph, bool? Active)
{
    public WorkflowInput ToInput() => new(Name, Description, Graph, Active);
}
