using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Core.Workflows.Templates;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>Shipped workflow templates: the catalog and "Criar a partir de modelo" (a draft for this workspace).</summary>
public static class WorkflowTemplatesEndpoints
{
    public static IServiceCollection AddWorkflowTemplates(this IServiceCollection services)
    {
        services.AddScoped<WorkflowTemplateService>();
        services.AddScoped<IWorkflowScopeContributor, PipelineDigestScope>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowTemplatesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/workflow-templates", List).WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage);
        app.MapPost("/api/v1/workflows/from-template", Create).WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<Paged<WorkflowTemplateDto>>> List(WorkflowTemplateService templates, CancellationToken ct) =>
        TypedResults.Ok(Paged.All(await templates.ListAsync(ct)));

    /// <summary>201 with the new draft (its <c>problems</c> list what the workspace still lacks); 404 for an unknown template.</summary>
    private static async Task<Created<WorkflowDto>> Create(CreateFromTemplateRequest body, WorkflowTemplateService templates, CancellationToken ct)
    {
        var created = await templates.CreateAsync(body.TemplateId, body.Name, body.Parameters, ct);
        return TypedResults.Created($"/api/v1/workflows/{created.Id}", created);
    }
}
