using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Nodes;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Runs for people and integrators (ADR 051): start by hand, list and read (capability <c>leads.read</c>; a run about a
/// lead follows that lead's visibility, so a rep with visibility <c>own</c> sees runs of their leads only), cancel, retry
/// a failed run from its failed step, and the queue.
/// </summary>
public sealed class WorkflowRunService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, IWorkflowRunStarter starter,
    WorkflowSignal signal, TimeProvider time)
{
    /// <summary>What can start a run: a trigger node's kinds and another workflow's <c>call_workflow</c> step.</summary>
    public static readonly IReadOnlyList<string> RunTriggerKinds = [.. TriggerKinds.All, CallWorkflowExecutor.TriggerKind];

    public static readonly FieldMap<WorkflowRun> Fields = new FieldMap<WorkflowRun>()
        .Add("id", r => r.Id).Add("workflow_id", r => r.WorkflowId).Add("lead_id", r => r.LeadId).AddOneOf("status", r => r.Status, WorkflowRunStatuses.All).Add("sub_status", r => r.SubStatus)
        .Add("version", r => r.Version).Add("started_at", r => r.StartedAt).Add("finished_at", r => r.FinishedAt).Add("incident_count", r => r.IncidentCount)
        .Add("correlation_id", r => r.CorrelationId).AddOneOf("trigger_kind", r => r.TriggerKind, RunTriggerKinds);

    public static readonly FieldMap<WorkflowQueueItem> QueueFields = new FieldMap<WorkflowQueueItem>()
        .Add("id", q => q.Id).Add("workflow_id", q => q.WorkflowId).Add("lead_id", q => q.LeadId).AddOneOf("status", q => q.Status, WorkflowQueueStatuses.All).Add("created_at", q => q.CreatedAt)
        .Add("run_id", q => q.RunId).Add("event_type", q => q.EventType);

    /// <summary>Queues a manual run (<c>POST /api/v1/workflows/{id}/run</c>); 409 WORKFLOW_NOT_ACTIVE when the workflow is not active.</summary>
    public async Task<WorkflowStartedDto> StartAsync(Guid workflowId, Guid? leadId, JsonNode? input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        new Validator().When(input is not null and not JsonObject, "input", "must be a JSON object.").ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (leadId is { } id && !await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == id, ct))
            throw new ValidationException("lead_id", "does not name a lead you can see.");
        var itemId = await starter.EnqueueAsync(db, new WorkflowStartRequest(tenantId, workflowId, TriggerKinds.Manual, leadId, input), ct);
        return new WorkflowStartedDto(itemId, workflowId, leadId, WorkflowQueueStatuses.Pending);
    }

    public async Task<Paged<WorkflowRunDto>> ListAsync(IReadOnlyList<FilterNode> filters, IReadOnlyList<SortKey>? order, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FilteredList.PageAsync(db, await VisibleAsync(db, ct), Fields, filters, order, page, new SortKey("started_at", true), r => r.Id, r => ToDto(r, null), ct);
    }

    /// <summary>A run with its steps in the order they ran.</summary>
    public async Task<WorkflowRunDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await (await VisibleAsync(db, ct)).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Workflow run", id);
        var steps = await db.WorkflowRunSteps.AsNoTracking().Where(s => s.RunId == id).OrderBy(s => s.StartedAt).ThenBy(s => s.Id).ToListAsync(ct);
        return ToDto(run, steps);
    }

    /// <summary>Cancels a running or waiting run; 409 WORKFLOW_RUN_FINISHED when it has finished. A step being executed right now is discarded.</summary>
    public async Task<WorkflowRunDto> CancelAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.WorkflowRuns.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Workflow run", id);
        if (run.Status is not (WorkflowRunStatuses.Running or WorkflowRunStatuses.Waiting))
            throw new ConflictException($"The run has finished ({run.Status}); only a running or waiting run can be cancelled.", ErrorCodes.WorkflowRunFinished);
        var now = time.GetUtcNow().UtcDateTime;
        run.Status = WorkflowRunStatuses.Cancelled;
        run.SubStatus = null;
        run.FinishedAt = now;
        run.WaitUntil = null;
        run.WaitEventType = null;
        run.ResumeDue = false;
        run.NextAttemptAt = null;
        // Dropping the claim fences out a worker in the middle of a step: its save finds the claim gone and writes nothing.
        run.ClaimedBy = null;
        run.LeaseUntil = null;
        await db.WorkflowRunSteps.Where(s => s.RunId == id && (s.Status == WorkflowStepStatuses.Waiting || s.Status == WorkflowStepStatuses.Retrying))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, WorkflowStepStatuses.Cancelled), ct);
        await db.SaveChangesAsync(ct);
        return ToDto(run, null);
    }

    /// <summary>Retries a failed run from its failed step (attempts go on counting); 409 WORKFLOW_RUN_FINISHED for any other status.</summary>
    public async Task<WorkflowRunDto> RetryAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.WorkflowRuns.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Workflow run", id);
        if (run.Status != WorkflowRunStatuses.Failed)
            throw new ConflictException($"Only a failed run can be retried; this one is {run.Status}.", ErrorCodes.WorkflowRunFinished);
        run.Status = WorkflowRunStatuses.Running;
        run.SubStatus = "retried";
        run.FinishedAt = null;
        run.Error = null;
        run.NextAttemptAt = null;
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ToDto(run, null);
    }

    public async Task<Paged<WorkflowQueueItemDto>> QueueAsync(IReadOnlyList<FilterNode> filters, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.WorkflowQueue.AsNoTracking();
        foreach (var f in filters) q = QueueFields.Where(q, f);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<WorkflowQueueItemDto>(items.Select(i => new WorkflowQueueItemDto(i.Id, i.WorkflowId, i.LeadId, i.Status, i.TriggerKind, i.EventType, i.EventId, i.RunId,
            i.Error, i.CreatedAt)).ToList(), total, page.Limit, page.Offset);
    }

    private async Task<IQueryable<WorkflowRun>> VisibleAsync(CrmDbContext db, CancellationToken ct)
    {
        var runs = db.WorkflowRuns.AsNoTracking();
        return await leads.RestrictedToAsync(db, ct) is { } visible ? runs.Where(r => r.LeadId != null && visible.Any(l => l.Id == r.LeadId)) : runs;
    }

    private static WorkflowRunDto ToDto(WorkflowRun r, IReadOnlyList<WorkflowRunStep>? steps) => new(
        r.Id, r.WorkflowId, r.Version, r.LeadId, r.Status, r.SubStatus, r.StartedAt, r.FinishedAt,
        r.Status == WorkflowRunStatuses.Waiting ? new WorkflowRunWaitingDto(r.WaitUntil, r.WaitEventType, r.WaitDescription) : null,
        r.IncidentCount, r.Error, r.CorrelationId, r.Depth, r.CurrentNode, r.TriggerKind,
        steps?.Select(s => new WorkflowRunStepDto(s.NodeId, s.Type, s.Status, s.StartedAt, s.DurationMs, Json(s.Input), Json(s.Output), s.Error, s.Attempt, s.Port)).ToList());

    private static JsonElement? Json(string? text) => text is null ? null : JsonSerializer.Deserialize<JsonElement>(text);
}
