using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Pipelines;

namespace SalesCrm.Web.Features.Pipelines;

public sealed record StageRequest(string? Name, string? Color, int? Order, int? Probability, StageKind? Kind, bool? IsActive, int? RottenAfterDays)
{
    public StageInput ToInput() => new(Name, Color, Order, Probability, Kind, IsActive, RottenAfterDays);
}

public sealed record CreatePipelineRequest(string? Name, List<StageRequest>? Stages);
public sealed record UpdatePipelineRequest(string? Name, bool? IsDefault);

public static class PipelinesEndpoints
{
    public static IEndpointRouteBuilder MapPipelinesEndpoints(this IEndpointRouteBuilder app)
    {
        var pipelines = app.MapGroup("/api/v1/pipelines").WithTags("Pipelines").RequireAuthorization(Capabilities.LeadsRead);
        pipelines.MapGet("/", async (PipelineService service, CancellationToken ct) =>
        {
            var items = await service.ListAsync(ct);
            return TypedResults.Ok(Paged.All(items));
        });
        pipelines.MapGet("/{id:guid}", async (Guid id, PipelineService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct)));
        pipelines.MapPost("/", async Task<Created<PipelineDto>> (CreatePipelineRequest body, PipelineService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(body.Name, body.Stages?.Select(s => s.ToInput()).ToList(), ct);
            return TypedResults.Created($"/api/v1/pipelines/{created.Id}", created);
        });
        pipelines.MapPatch("/{id:guid}", async (Guid id, UpdatePipelineRequest body, PipelineService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UpdateAsync(id, body.Name, body.IsDefault, ct)));
        pipelines.MapDelete("/{id:guid}", async (Guid id, PipelineService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        pipelines.MapGet("/{id:guid}/stages", async (Guid id, PipelineService service, CancellationToken ct) =>
        {
            var items = await service.ListStagesAsync(id, ct);
            return TypedResults.Ok(Paged.All(items));
        });
        pipelines.MapPost("/{id:guid}/stages", async Task<Created<StageDto>> (Guid id, StageRequest body, PipelineService service, CancellationToken ct) =>
        {
            var stage = await service.AddStageAsync(id, body.ToInput(), ct);
            return TypedResults.Created($"/api/v1/pipelines/{id}/stages/{stage.Id}", stage);
        });
        pipelines.MapPatch("/{id:guid}/stages/{stageId:guid}", async (Guid id, Guid stageId, StageRequest body, PipelineService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UpdateStageAsync(id, stageId, body.ToInput(), ct)));
        pipelines.MapDelete("/{id:guid}/stages/{stageId:guid}", async (Guid id, Guid stageId, PipelineService service, CancellationToken ct,
            [Microsoft.AspNetCore.Mvc.FromQuery(Name = "move_to_stage_id")] Guid? moveTo) =>
        {
            await service.DeleteStageAsync(id, stageId, moveTo, ct);
            return TypedResults.NoContent();
        });
        return app;
    }
}
