using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Infrastructure.OpenApi;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>Workflow definitions (ADR 050): drafts, published versions, export/import and the node catalog.</summary>
public static class WorkflowsEndpoints
{
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddScoped<WorkflowService>();
        services.AddSingleton<WorkflowSignal>();
        services.AddSingleton<WorkflowRunStarter>();
        services.AddSingleton<IWorkflowRunStarter>(sp => sp.GetRequiredService<WorkflowRunStarter>());
        services.AddOptions<WorkflowEngineOptions>().BindConfiguration("Workflows");
        services.AddSingleton<WorkflowGraphCache>();
        services.AddSingleton<WorkflowTriggerCache>();
        services.AddScoped<WorkflowScopeBuilder>();
        services.AddScoped<WorkflowStepRunner>();
        services.AddScoped<WorkflowQueueProcessor>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<WorkflowRunService>();
        services.AddScoped<WorkflowRunViewService>();
        services.AddScoped<IEventSubscriber, WorkflowEventSubscriber>();
        services.AddWorkflowNodes();
        services.AddWorkflowDryRuns();
        services.AddHostedService<WorkflowWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/workflow-node-types", NodeTypes).WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage);
        var group = app.MapGroup("/api/v1/workflows").WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage);
        group.MapGet("/", List).WithSummary("List workflows (e.g. ?active=eq.true&name=ilike.*boas*&order=updated_at.desc&limit=20)").WithListParameters(WorkflowService.Fields.Names);
        group.MapPost("/", Create);
        group.MapPost("/import", Import);
        group.MapGet("/{id:guid}", Get);
        group.MapPut("/{id:guid}", Update);
        group.MapDelete("/{id:guid}", Delete);
        group.MapPost("/{id:guid}/publish", Publish).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}/versions", Versions);
        group.MapGet("/{id:guid}/export", Export);
        app.MapWorkflowRunsEndpoints();
        app.MapWorkflowDryRunEndpoints();
        return app;
    }

    private static async Task<Ok<Paged<WorkflowNodeType>>> NodeTypes(WorkflowService service, CancellationToken ct) =>
        TypedResults.Ok(Paged.All(await service.NodeTypesAsync(ct)));

    private static async Task<IResult> List(HttpContext http, WorkflowService service, CancellationToken ct)
    {
        var q = ListQuery.From(http.Request);
        var page = await service.ListAsync(q.Filters, q.Order, new PageRequest(q.Limit, q.Offset), ct);
        http.Response.Headers["Content-Range"] = Rest.PostgrestResponse.ContentRange(page, Rest.PostgrestResponse.CountExact(http.Request));
        return Results.Json(JsonSelect.Page(page, q.Select, http.JsonOptions()), http.JsonOptions());
    }

    /// <summary>Creates a draft; a graph with problems is stored and its <c>problems</c> returned.</summary>
    private static async Task<Created<WorkflowDto>> Create(CreateWorkflowRequest body, WorkflowService service, CancellationToken ct)
    {
        var created = await service.CreateAsync(body.ToInput(), ct);
        return TypedResults.Created($"/api/v1/workflows/{created.Id}", created);
    }

    private static async Task<Created<WorkflowDto>> Import(WorkflowExport body, WorkflowService service, CancellationToken ct)
    {
        var created = await service.ImportAsync(body, ct);
        return TypedResults.Created($"/api/v1/workflows/{created.Id}", created);
    }

    private static async Task<Ok<WorkflowDto>> Get(Guid id, WorkflowService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct));

    private static async Task<Ok<WorkflowDto>> Update(Guid id, UpdateWorkflowRequest body, WorkflowService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(id, body.ToInput(), ct));

    private static async Task<NoContent> Delete(Guid id, WorkflowService service, CancellationToken ct)
    {
        await service.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Publishes the draft as the next version and activates it; 400 WORKFLOW_INVALID with <c>problems</c> when it has any.</summary>
    private static async Task<Ok<WorkflowDto>> Publish(Guid id, WorkflowService service, CancellationToken ct) => TypedResults.Ok(await service.PublishAsync(id, ct));

    private static async Task<Ok<Paged<WorkflowVersionDto>>> Versions(Guid id, WorkflowService service, CancellationToken ct) =>
        TypedResults.Ok(Paged.All(await service.VersionsAsync(id, ct)));

    private static async Task<Ok<WorkflowExport>> Export(Guid id, WorkflowService service, CancellationToken ct) => TypedResults.Ok(await service.ExportAsync(id, ct));
}
