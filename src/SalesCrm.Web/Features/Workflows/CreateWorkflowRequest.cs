using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>Body of <c>POST /api/v1/workflows</c>: a new draft (publish it to make it active).</summary>
public sealed record CreateWorkflowRequest(string? Name, string? Description, WorkflowGraph? Graph)
{
    public WorkflowInput ToInput() => new(Name, Description, Graph, null);
}
