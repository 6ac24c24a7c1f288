using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows.DryRuns;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>The dry run (issues 18/19): the path a workflow would take for a lead and the actions it would perform, without side effects.</summary>
public static class WorkflowDryRunEndpoints
{
    public static IServiceCollection AddWorkflowDryRuns(this IServiceCollection services)
    {
        services.AddScoped<IDryRunPhrases, LocalizedDryRunPhrases>();
        services.AddScoped<WorkflowDryRunner>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowDryRunEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/workflows/{id:guid}/dry-run", DryRun).WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Walk the workflow for a lead without side effects: path, actions (settings rendered), warnings; 409 WORKFLOW_NOT_ACTIVE when nothing is published and draft is false, 400 WORKFLOW_INVALID for an invalid graph");
        return app;
    }

    /// <summary>Answers the path and the described actions; writes nothing.</summary>
    private static async Task<Ok<WorkflowDryRunDto>> DryRun(Guid id, DryRunWorkflowRequest body, WorkflowDryRunner runner, CancellationToken ct)
    {
        new Validator()
            .When(body.LeadId is null, "lead_id", "is required.")
            .When(body.Input is not null and not JsonObject, "input", "must be a JSON object.")
            .ThrowIfInvalid();
        var request = new WorkflowDryRunRequest(body.LeadId!.Value, body.Input as JsonObject, body.Draft ?? false, body.Answers);
        return TypedResults.Ok(await runner.RunAsync(id, request, ct));
    }
}
