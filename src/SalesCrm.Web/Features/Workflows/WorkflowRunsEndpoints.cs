using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Infrastructure.OpenApi;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>Workflow runs (ADR 051): manual start, the runs list and detail, cancel, retry, and the queue.</summary>
public static class WorkflowRunsEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowRunsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/workflows/{id:guid}/run", Start).WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage)
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Queue a run of the published version (202); 409 WORKFLOW_NOT_ACTIVE when the workflow is not active");
        var runs = app.MapGroup("/api/v1/workflow-runs").WithTags("Workflows").RequireAuthorization(Capabilities.LeadsRead);
        runs.MapGet("/", List).WithSummary("List runs (e.g. ?workflow_id=eq.<id>&lead_id=eq.<id>&status=eq.failed)").WithListParameters(WorkflowRunService.Fields.Names);
        runs.MapGet("/{id:guid}", Get);
        runs.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Capabilities.WorkflowsManage).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapPost("/{id:guid}/retry", Retry).RequireAuthorization(Capabilities.WorkflowsManage).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/v1/workflow-queue", Queue).WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage)
            .WithListParameters(WorkflowRunService.QueueFields.Names);
        return app;
    }

    private static async Task<Accepted<WorkflowStartedDto>> Start(Guid id, RunWorkflowRequest? body, WorkflowRunService service, CancellationToken ct)
    {
        var started = await service.StartAsync(id, body?.LeadId, body?.Input, ct);
        return TypedResults.Accepted($"/api/v1/workflow-queue?id=eq.{started.QueueItemId}", started);
    }

    private static async Task<IResult> List(HttpContext http, WorkflowRunService service, CancellationToken ct)
    {
        var q = ListQuery.From(http.Request);
        var page = await service.ListAsync(q.Filters, q.Order, new PageRequest(q.Limit, q.Offset), ct);
        http.Response.Headers["Content-Range"] = Rest.PostgrestResponse.ContentRange(page, Rest.PostgrestResponse.CountExact(http.Request));
        return Results.Json(JsonSelect.Page(page, q.Select, http.JsonOptions()), http.JsonOptions());
    }

    private static async Task<Ok<WorkflowRunDto>> Get(Guid id, WorkflowRunService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct));

    private static async Task<Ok<WorkflowRunDto>> Cancel(Guid id, WorkflowRunService service, CancellationToken ct) => TypedResults.Ok(await service.CancelAsync(id, ct));

    private static async Task<Ok<WorkflowRunDto>> Retry(Guid id, WorkflowRunService service, CancellationToken ct) => TypedResults.Ok(await service.RetryAsync(id, ct));

    private static async Task<Ok<Paged<WorkflowQueueItemDto>>> Queue(HttpContext http, WorkflowRunService service, CancellationToken ct)
    {
        var q = ListQuery.From(http.Request);
        return TypedResults.Ok(await service.QueueAsync(q.Filters, new PageRequest(q.Limit, q.Offset), ct));
    }
}
