using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Claims;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Turns pending queue items into runs of the workflow's current published version (a run keeps that version). The
/// loop guard stops here: an item caused by runs of the same workflow for the same lead deeper than
/// <see cref="WorkflowEngineOptions.MaxDepth"/> becomes a failed run with an incident, and the chain ends.
/// </summary>
public sealed class WorkflowQueueProcessor(IDbContextFactory<CrmDbContext> dbFactory, IActorScopeFactory actors, WorkflowGraphCache graphs,
    IOptions<ClaimOptions> claims, IOptions<WorkflowEngineOptions> options, TimeProvider time, ILogger<WorkflowQueueProcessor> logger, ICrmEventBus bus)
{
    public async Task<int> StartQueuedAsync(int max, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var me = claims.Value.Instance;
        var lease = WorkClaims.LeaseEnd(now, claims.Value.Lease);
        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var items = db.WorkflowQueue.IgnoreQueryFilters();
            var candidates = items.Where(q => q.Status == WorkflowQueueStatuses.Pending && (q.LeaseUntil == null || q.LeaseUntil < now)).OrderBy(q => q.CreatedAt).Take(max).Select(q => q.Id);
            var claimed = await items.Where(q => candidates.Contains(q.Id) && q.Status == WorkflowQueueStatuses.Pending && (q.LeaseUntil == null || q.LeaseUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(q => q.ClaimedBy, me).SetProperty(q => q.LeaseUntil, lease), ct);
            if (claimed == 0) return 0;
            ids = await items.Where(q => q.ClaimedBy == me && q.LeaseUntil == lease && q.Status == WorkflowQueueStatuses.Pending).Select(q => q.Id).ToListAsync(ct);
        }
        foreach (var id in ids)
        {
            try
            {
                await StartAsync(id, me, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(e, "Workflow queue item {ItemId} could not start a run", id);
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                await db.WorkflowQueue.IgnoreQueryFilters().Where(q => q.Id == id && q.ClaimedBy == me && q.Status == WorkflowQueueStatuses.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(q => q.Status, WorkflowQueueStatuses.Failed).SetProperty(q => q.Error, Shorten($"{e.GetType().Name}: {e.Message}"))
                        .SetProperty(q => q.ClaimedBy, (string?)null).SetProperty(q => q.LeaseUntil, (DateTime?)null), CancellationToken.None);
            }
        }
        return ids.Count;
    }

    private async Task StartAsync(Guid itemId, string me, CancellationToken ct)
    {
        FixedCurrentUser? actor;
        await using (var system = await dbFactory.CreateDbContextAsync(ct))
            actor = await WorkflowActor.ForAsync(system, system.WorkflowQueue.IgnoreQueryFilters().AsNoTracking().Where(q => q.Id == itemId && q.ClaimedBy == me)
                .Select(q => new WorkflowClaimHead { TenantId = q.TenantId, CorrelationId = q.CorrelationId, WorkflowId = q.WorkflowId }), ct);
        if (actor is null) return;
        await using var scope = actors.Create(actor);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var item = await db.WorkflowQueue.FirstOrDefaultAsync(q => q.Id == itemId && q.ClaimedBy == me && q.Status == WorkflowQueueStatuses.Pending, ct);
        if (item is null) return;
        var now = time.GetUtcNow().UtcDateTime;
        item.ClaimedBy = null;
        item.LeaseUntil = null;
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == item.WorkflowId, ct);
        var graph = workflow is { Version: > 0 } ? await graphs.GetAsync(db, workflow.Id, workflow.Version, ct) : null;
        if (workflow is null || !workflow.IsActive || graph is null)
        {
            item.Status = WorkflowQueueStatuses.Failed;
            item.Error = "The workflow is no longer active or has no published version.";
            await db.SaveChangesAsync(ct);
            return;
        }
        var run = new WorkflowRun
        {
            TenantId = item.TenantId, WorkflowId = workflow.Id, Version = workflow.Version, LeadId = item.LeadId, CorrelationId = item.CorrelationId,
            Depth = item.Depth, Input = item.Input, StartedAt = now, TriggerKind = item.TriggerKind,
            CurrentNode = StartNode(graph, item.TriggerKind, item.EventType),
        };
        if (item.EventId is { } eventId && await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Type, e.Payload }).FirstOrDefaultAsync(ct) is { } e)
            run.TriggerEvent = new JsonObject { ["type"] = e.Type, ["payload"] = JsonNode.Parse(e.Payload) }.ToJsonString();
        db.WorkflowRuns.Add(run);
        item.Status = WorkflowQueueStatuses.Completed;
        item.RunId = run.Id;
        WorkflowRunEvents.Record(db, WorkflowRunEvents.Started, run, now);
        if (await LoopsAsync(db, item, ct))
        {
            WorkflowStepRunner.Fail(db, run, null,
                $"Loop guard: this workflow was started again for the same lead by its own actions more than {options.Value.MaxDepth} times in a row; the chain stops here.", now);
            run.SubStatus = "loop_guard";
        }
        else if (run.CurrentNode is null)
        {
            WorkflowStepRunner.Complete(db, run, now);
        }
        var events = db.AddedEvents();
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
    }

    /// <summary>True when the item is deeper than the limit and an earlier run of its chain was the same workflow for the same lead.</summary>
    private async Task<bool> LoopsAsync(CrmDbContext db, WorkflowQueueItem item, CancellationToken ct) =>
        item.Depth > options.Value.MaxDepth
        && await db.WorkflowRuns.AnyAsync(r => r.CorrelationId == item.CorrelationId && r.WorkflowId == item.WorkflowId && r.LeadId == item.LeadId, ct);

    /// <summary>The trigger node the run starts at: the one of the trigger's kind (and event type), else the first trigger, else the first node.</summary>
    internal static string? StartNode(WorkflowGraph graph, string? kind, string? eventType)
    {
        var nodes = graph.Nodes ?? [];
        var triggers = nodes.Where(n => n.Type == WorkflowNodeCatalog.Trigger).ToList();
        var match = triggers.FirstOrDefault(n => Setting(n, "kind") == kind && (eventType is null || Setting(n, "event_type") == eventType))
                    ?? triggers.FirstOrDefault(n => Setting(n, "kind") == kind) ?? triggers.FirstOrDefault() ?? nodes.FirstOrDefault();
        return match?.Id;
    }

    internal static string? Setting(WorkflowNode node, string name) =>
        node.Settings is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..1999] + "…";
}
