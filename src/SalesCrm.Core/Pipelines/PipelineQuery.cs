using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Pipelines;

/// <summary>Pipelines and stages listed with the PostgREST grammar (the /rest/v1 surface); readable by anyone who reads leads.</summary>
/// <remarks>
/// Their <c>order</c> column is also reachable as <c>position</c>: PostgREST reserves the <c>order</c> query parameter for
/// sorting, so <c>order=position</c> and <c>position=gt.2</c> are how a client sorts and filters by it.
/// </remarks>
public sealed class PipelineQuery(IDbContextFactory<CrmDbContext> dbFactory, AccessService access)
{
    public static readonly FieldMap<Pipeline> PipelineFields = new FieldMap<Pipeline>()
        .Add("id", p => p.Id).Add("name", p => p.Name).Add("is_default", p => p.IsDefault).Add("order", p => p.Order).Add("position", p => p.Order)
        .Add("created_at", p => p.CreatedAt).Add("updated_at", p => p.UpdatedAt);

    public static readonly FieldMap<Stage> StageFields = new FieldMap<Stage>()
        .Add("id", s => s.Id).Add("pipeline_id", s => s.PipelineId).Add("name", s => s.Name).Add("color", s => s.Color).Add("order", s => s.Order).Add("position", s => s.Order)
        .Add("probability", s => s.Probability).Add("kind", s => s.Kind).Add("is_active", s => s.IsActive).Add("rotten_after_days", s => s.RottenAfterDays)
        .Add("created_at", s => s.CreatedAt);

    public async Task<Paged<PipelineDto>> ListPipelinesAsync(ListRequest request, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (rows, total, exact) = await FilteredList.RunAsync(db, db.Pipelines.AsNoTracking(), PipelineFields, request, new SortKey("order", false), p => p.Id, q => q.Include(p => p.Stages), ct);
        return new Paged<PipelineDto>(rows.Select(PipelineService.ToDto).ToList(), total, request.Limit, request.Offset, exact);
    }

    public async Task<Paged<StageDto>> ListStagesAsync(ListRequest request, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (rows, total, exact) = await FilteredList.RunAsync(db, db.Stages.AsNoTracking(), StageFields, request, new SortKey("order", false), s => s.Id, ct: ct);
        return new Paged<StageDto>(rows.Select(PipelineService.ToDto).ToList(), total, request.Limit, request.Offset, exact);
    }
}
