using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Pipelines;

public sealed record StageDto(Guid Id, Guid PipelineId, string Name, string Color, int Order, int Probability, StageKind Kind, bool IsActive, int? RottenAfterDays);

public sealed record PipelineDto(Guid Id, string Name, bool IsDefault, int Order, IReadOnlyList<StageDto> Stages);

public sealed record StageInput(string? Name = null, string? Color = null, int? Order = null, int? Probability = null, StageKind? Kind = null,
    bool? IsActive = null, int? RottenAfterDays = null, bool ClearRottenAfterDays = false);

/// <summary>
/// Pipelines and their ordered stages. Reading needs leads.read; changing needs pipeline.manage. Every committed change
/// is announced on the event bus (<see cref="EventTypes.PipelineChanged"/>) so open boards follow it.
/// </summary>
public sealed partial class PipelineService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, ICrmEventBus bus, TimeProvider time)
{
    public static Pipeline NewDefault(Guid tenantId, DateTime now)
    {
        var pipeline = new Pipeline { TenantId = tenantId, Name = DefaultPipeline.Name, IsDefault = true, CreatedAt = now, UpdatedAt = now };
        var order = 0;
        foreach (var (name, color, probability, kind, rotten) in DefaultPipeline.Stages)
        {
            pipeline.Stages.Add(new Stage
            {
                TenantId = tenantId, PipelineId = pipeline.Id, Name = name, Color = color, Order = order++, Probability = probability,
                Kind = kind, RottenAfterDays = rotten, CreatedAt = now,
            });
        }
        return pipeline;
    }

    public async Task<IReadOnlyList<PipelineDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pipelines = await db.Pipelines.AsNoTracking().Include(p => p.Stages).OrderBy(p => p.Order).ThenBy(p => p.CreatedAt).ToListAsync(ct);
        return pipelines.Select(ToDto).ToList();
    }

    public async Task<PipelineDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ToDto(await LoadAsync(db, id, ct));
    }

    /// <summary>The pipeline a board opens on: the one asked for, else the default one.</summary>
    public async Task<PipelineDto> GetOrDefaultAsync(Guid? id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pipeline = id is { } wanted
            ? await db.Pipelines.AsNoTracking().Include(p => p.Stages).FirstOrDefaultAsync(p => p.Id == wanted, ct)
            : await db.Pipelines.AsNoTracking().Include(p => p.Stages).OrderByDescending(p => p.IsDefault).ThenBy(p => p.Order).FirstOrDefaultAsync(ct);
        return ToDto(pipeline ?? throw new NotFoundException("Pipeline", id));
    }

    /// <summary>Creates a pipeline; without stages it gets the default ones.</summary>
    public async Task<PipelineDto> CreateAsync(string? name, IReadOnlyList<StageInput>? stages, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.PipelineManage, ct);
        new Validator().Require("name", name, 100).ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireUniquePipelineNameAsync(db, name!, null, ct);
        var pipeline = NewDefault(tenantId, now);
        pipeline.Name = name!.Trim();
        pipeline.IsDefault = !await db.Pipelines.AnyAsync(ct);
        pipeline.Order = await db.Pipelines.CountAsync(ct);
        if (stages is { Count: > 0 })
        {
            pipeline.Stages.Clear();
            for (var i = 0; i < stages.Count; i++)
            {
                var stage = NewStage(tenantId, pipeline.Id, stages[i], i, now, $"stages[{i}].");
                RequireUniqueStageName(pipeline.Stages, stage.Name, null, $"stages[{i}].name");
                pipeline.Stages.Add(stage);
            }
        }
        db.Pipelines.Add(pipeline);
        await db.SaveChangesAsync(ct);
        Announce(tenantId, pipeline.Id);
        return ToDto(pipeline);
    }

    public async Task<PipelineDto> UpdateAsync(Guid id, string? name, bool? isDefault, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.PipelineManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pipeline = await LoadAsync(db, id, ct);
        if (name is not null)
        {
            new Validator().Require("name", name, 100).ThrowIfInvalid();
            await RequireUniquePipelineNameAsync(db, name, id, ct);
            pipeline.Name = name.Trim();
        }
        if (isDefault == true && !pipeline.IsDefault)
        {
            await db.Pipelines.Where(p => p.IsDefault).ForEachAsync(p => p.IsDefault = false, ct);
            pipeline.IsDefault = true;
        }
        pipeline.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        Announce(tenantId, id);
        return ToDto(pipeline);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.PipelineManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pipeline = await LoadAsync(db, id, ct);
        if (await db.Leads.AnyAsync(l => l.PipelineId == id, ct))
            throw new ConflictException("The pipeline still has leads; move them first.");
        if (await db.Pipelines.CountAsync(ct) == 1) throw new ConflictException("The last pipeline cannot be deleted.");
        db.Pipelines.Remove(pipeline);
        var next = await db.Pipelines.Include(p => p.Stages).Where(p => p.Id != id).OrderBy(p => p.Order).FirstAsync(ct);
        if (pipeline.IsDefault) next.IsDefault = true;
        // Deleted leads do not hold a pipeline back: they follow to the next pipeline's first stage, unseen.
        var firstStage = next.Stages.OrderBy(s => s.Order).First();
        foreach (var deleted in await db.Leads.IgnoreQueryFilters([CrmDbContext.QueryFilters.SoftDelete]).Where(l => l.PipelineId == id).ToListAsync(ct))
        {
            deleted.PipelineId = next.Id;
            deleted.StageId = firstStage.Id;
        }
        await db.SaveChangesAsync(ct);
        Announce(tenantId, id);
    }

    public async Task<IReadOnlyList<StageDto>> ListStagesAsync(Guid pipelineId, CancellationToken ct = default) => (await GetAsync(pipelineId, ct)).Stages;

    public async Task<StageDto> AddStageAsync(Guid pipelineId, StageInput input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.PipelineManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pipeline = await LoadAsync(db, pipelineId, ct);
        var ordered = pipeline.Stages.OrderBy(s => s.Order).ToList();
        var index = Math.Clamp(input.Order ?? ordered.Count, 0, ordered.Count);
        var stage = NewStage(tenantId, pipelineId, input, index, time.GetUtcNow().UtcDateTime, "");
        RequireUniqueStageName(pipeline.Stages, stage.Name, null, "name");
        ordered.Insert(index, stage);
        Renumber(ordered);
        db.Stages.Add(stage);
        await db.SaveChangesAsync(ct);
        Announce(tenantId, pipelineId);
        return ToDto(stage);
    }

    /// <summary>
    /// Edits a stage; a new <c>order</c> moves it to that index and renumbers the others. A new <c>kind</c> applies to the
    /// leads in the stage as a move would: won/lost close their deals (lost ones give the stage as reason), open reopens them.
    /// </summary>
    public async Task<StageDto> UpdateStageAsync(Guid pipelineId, Guid stageId, StageInput input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.PipelineManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pipeline = await LoadAsync(db, pipelineId, ct);
        var stage = pipeline.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw new NotFoundException("Stage", stageId);
        var v = new Validator();
        if (input.Name is not null) v.Require("name", input.Name, 60);
        ValidateStage(v, input, "");
        v.ThrowIfInvalid();
        if (input.Name is not null) RequireUniqueStageName(pipeline.Stages, input.Name.Trim(), stageId, "name");
        if (input.Name is not null) stage.Name = input.Name.Trim();
        if (input.Color is not null) stage.Color = input.Color;
        if (input.Probability is { } p) stage.Probability = p;
        var events = new List<CrmEvent>();
        if (input.Kind is { } k && k != stage.Kind)
        {
            // The leads in the stage follow its new kind: a stage made "won" wins its open deals, made "open" reopens them.
            var before = new Stage { Id = stage.Id, Name = stage.Name, Kind = stage.Kind, PipelineId = stage.PipelineId, Probability = stage.Probability };
            stage.Kind = k;
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var lead in await db.Leads.Where(l => l.StageId == stageId).ToListAsync(ct)) // deleted leads keep their status
                ChangeStage(db, lead, before, stage, stage.Name, now, events);
        }
        if (input.IsActive is { } active) stage.IsActive = active;
        if (input.RottenAfterDays is { } days) stage.RottenAfterDays = days;
        if (input.ClearRottenAfterDays) stage.RottenAfterDays = null;
        if (input.Order is { } order)
        {
            var ordered = pipeline.Stages.OrderBy(s => s.Order).Where(s => s.Id != stageId).ToList();
            ordered.Insert(Math.Clamp(order, 0, ordered.Count), stage);
            Renumber(ordered);
        }
        await db.SaveChangesAsync(ct);
        if (events.Count > 0) bus.Publish(events);
        Announce(tenantId, pipelineId);
        return ToDto(stage);
    }

    /// <summary>Deletes a stage. A stage with leads needs <paramref name="moveToStageId"/>: its leads move there in the same transaction.</summary>
    public async Task DeleteStageAsync(Guid pipelineId, Guid stageId, Guid? moveToStageId, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.PipelineManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pipeline = await LoadAsync(db, pipelineId, ct);
        var stage = pipeline.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw new NotFoundException("Stage", stageId);
        if (pipeline.Stages.Count == 1) throw new ConflictException("A pipeline needs at least one stage.");
        var leads = await db.Leads.IgnoreQueryFilters([CrmDbContext.QueryFilters.SoftDelete]).Where(l => l.StageId == stageId).ToListAsync(ct);
        var live = leads.Count(l => l.DeletedAt is null);
        var events = new List<CrmEvent>();
        if (leads.Count > 0)
        {
            if (live > 0 && moveToStageId is null) throw new ConflictException($"The stage has {live} leads: pass move_to_stage_id to move them.");
            // Deleted leads alone go to the nearest stage unless told otherwise: nobody sees them, nothing to choose.
            var target = (moveToStageId is null
                             ? pipeline.Stages.Where(s => s.Id != stageId).OrderBy(s => Math.Abs(s.Order - stage.Order)).ThenBy(s => s.Order).FirstOrDefault()
                             : pipeline.Stages.FirstOrDefault(s => s.Id == moveToStageId && s.Id != stageId))
                         ?? throw new ValidationException("move_to_stage_id", "must name another stage of the same pipeline.");
            var now = time.GetUtcNow().UtcDateTime;
            var start = await db.Leads.IgnoreQueryFilters([CrmDbContext.QueryFilters.SoftDelete]).Where(l => l.StageId == target.Id).MaxAsync(l => (double?)l.Position, ct) ?? 0;
            // Live leads go through the same stage change as a move: into a won stage they are won, into a lost one lost
            // (the deleted stage named as the reason), each with its status_change entry and events. Deleted leads only
            // follow (no entry, no event: they are nobody's deal any more).
            foreach (var lead in leads.OrderBy(l => l.Position))
            {
                lead.Position = ++start;
                if (lead.DeletedAt is null) ChangeStage(db, lead, stage, target, stage.Name, now, events);
                else lead.StageId = target.Id;
            }
        }
        db.Stages.Remove(stage);
        Renumber(pipeline.Stages.Where(s => s.Id != stageId).OrderBy(s => s.Order).ToList());
        await db.SaveChangesAsync(ct);
        if (events.Count > 0) bus.Publish(events);
        Announce(tenantId, pipelineId);
    }

    /// <summary>A lead put in <paramref name="target"/> by a change to the pipeline itself; the events of a move are added to <paramref name="events"/>.</summary>
    private void ChangeStage(CrmDbContext db, Lead lead, Stage from, Stage target, string lostReason, DateTime now, List<CrmEvent> events)
    {
        var before = lead.Status;
        LeadStageChange.Apply(db, lead, from, target, access.User, lead.LostReason ?? lostReason, now);
        lead.UpdatedAt = now;
        lead.Version++;
        events.AddRange(LeadStageChange.Record(db, lead, from.Id, null, access.User, before != lead.Status, now));
    }

    /// <summary>
    /// How many leads (not deleted) each stage of a pipeline holds, whoever owns them: what deleting a stage would move.
    /// Stages without leads are absent. Needs pipeline.manage.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> LeadCountsAsync(Guid pipelineId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.PipelineManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Leads.Where(l => l.PipelineId == pipelineId).GroupBy(l => l.StageId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    private void Announce(Guid tenantId, Guid pipelineId) => bus.Publish([new CrmEvent
    {
        TenantId = tenantId, Type = EventTypes.PipelineChanged, OccurredAt = time.GetUtcNow().UtcDateTime, Payload = $"{{\"pipeline_id\":\"{pipelineId}\"}}",
    }]);

    private static Stage NewStage(Guid tenantId, Guid pipelineId, StageInput input, int order, DateTime now, string prefix)
    {
        var v = new Validator().Require(prefix + "name", input.Name, 60);
        ValidateStage(v, input, prefix);
        v.ThrowIfInvalid();
        return new Stage
        {
            TenantId = tenantId, PipelineId = pipelineId, Name = input.Name!.Trim(), Color = input.Color ?? "#90a4ae", Order = order,
            Probability = input.Probability ?? 0, Kind = input.Kind ?? StageKind.Open, IsActive = input.IsActive ?? true,
            RottenAfterDays = input.RottenAfterDays, CreatedAt = now,
        };
    }

    private static void ValidateStage(Validator v, StageInput input, string prefix)
    {
        v.When(input.Probability is < 0 or > 100, prefix + "probability", "must be between 0 and 100.");
        v.When(input.RottenAfterDays is < 1 or > 3650, prefix + "rotten_after_days", "must be between 1 and 3650 days.");
        v.When(input.Color is not null && !HexColor().IsMatch(input.Color), prefix + "color", "must be a hex color like #1e88e5.");
        v.When(input.Order is < 0, prefix + "order", "must be zero or more.");
    }

    /// <summary>Two pipelines of a workspace never share a name (ignoring case): the board's selector could not tell them apart.</summary>
    /// <exception cref="ValidationException">On <c>name</c>.</exception>
    private static async Task RequireUniquePipelineNameAsync(CrmDbContext db, string name, Guid? except, CancellationToken ct)
    {
        var names = await db.Pipelines.Where(p => p.Id != except).Select(p => p.Name).ToListAsync(ct);
        if (names.Any(n => string.Equals(n, name.Trim(), StringComparison.CurrentCultureIgnoreCase)))
            throw new ValidationException("name", "is already the name of another pipeline.");
    }

    /// <summary>Two stages of a pipeline never share a name (ignoring case).</summary>
    /// <exception cref="ValidationException">On <paramref name="field"/>.</exception>
    private static void RequireUniqueStageName(IEnumerable<Stage> stages, string name, Guid? except, string field)
    {
        if (stages.Any(s => s.Id != except && string.Equals(s.Name, name, StringComparison.CurrentCultureIgnoreCase)))
            throw new ValidationException(field, "is already the name of another stage of this pipeline.");
    }

    private static void Renumber(IList<Stage> ordered)
    {
        for (var i = 0; i < ordered.Count; i++) ordered[i].Order = i;
    }

    private static async Task<Pipeline> LoadAsync(CrmDbContext db, Guid id, CancellationToken ct) =>
        await db.Pipelines.Include(p => p.Stages).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Pipeline", id);

    public static StageDto ToDto(Stage s) => new(s.Id, s.PipelineId, s.Name, s.Color, s.Order, s.Probability, s.Kind, s.IsActive, s.RottenAfterDays);

    public static PipelineDto ToDto(Pipeline p) => new(p.Id, p.Name, p.IsDefault, p.Order, p.Stages.OrderBy(s => s.Order).Select(ToDto).ToList());

    [System.Text.RegularExpressions.GeneratedRegex("^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$")]
    private static partial System.Text.RegularExpressions.Regex HexColor();
}
