using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Connects committed events to workflows, inside the outbox dispatcher's transaction (ADR 051): each event starts the
/// active workflows whose published event trigger names its type and whose filter holds for the lead (API shape) and the
/// payload, and resumes the waiting runs whose bookmark (event type, lead) it matches. An event written by a run carries
/// the run's correlation id, so the runs it starts are one level deeper in that chain (loop guard).
/// </summary>
public sealed class WorkflowEventSubscriber(WorkflowTriggerCache triggers, WorkflowRunStarter starter, ILogger<WorkflowEventSubscriber> logger) : IEventSubscriber
{
    /// <summary>Per workspace, the event types its waiting runs wait for, read once per dispatcher batch (each batch has its own context).</summary>
    private readonly Dictionary<Guid, HashSet<string>> _awaited = [];
    private CrmDbContext? _batch;

    public async Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
    {
        await ResumeWaitingAsync(db, e, ct);
        var matching = (await triggers.GetAsync(db, e.TenantId, ct)).Where(t => t.EventType == e.Type).ToList();
        if (matching.Count == 0) return;
        var payload = ParsePayload(e.Payload);
        JsonObject? target = null;
        (Guid Correlation, int Depth)? chain = null;
        foreach (var workflow in matching.GroupBy(t => t.WorkflowId))
        {
            target ??= await FilterTargetAsync(db, e, payload, ct);
            if (!workflow.Any(t => Matches(t, target))) continue;
            chain ??= await ChainAsync(db, e, ct);
            starter.Add(db, new WorkflowStartRequest(e.TenantId, workflow.Key, TriggerKinds.Event, e.LeadId, null, e.Id, e.Type, payload,
                chain.Value.Correlation, chain.Value.Depth));
        }
    }

    private bool Matches(WorkflowTrigger trigger, JsonObject target)
    {
        try
        {
            return ConditionEvaluator.Matches(trigger.Filter, target);
        }
        catch (ValidationException ex)
        {
            logger.LogWarning("Workflow {WorkflowId} trigger {NodeId} has a filter that does not parse: {Message}", trigger.WorkflowId, trigger.NodeId, ex.Message);
            return false;
        }
    }

    /// <summary>Marks due the waiting runs whose bookmark this event matches; the worker resumes them with the event.</summary>
    private async Task ResumeWaitingAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
    {
        if (_batch != db)
        {
            _batch = db;
            _awaited.Clear();
        }
        if (!_awaited.TryGetValue(e.TenantId, out var awaited))
        {
            _awaited[e.TenantId] = awaited = (await db.WorkflowRuns.IgnoreQueryFilters()
                .Where(r => r.TenantId == e.TenantId && r.Status == WorkflowRunStatuses.Waiting && !r.ResumeDue && r.WaitEventType != null)
                .Select(r => r.WaitEventType!).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        }
        // Most events (workflow.started, lead.updated, …) are awaited by no run: no read per event.
        if (!awaited.Contains(e.Type)) return;
        var waiting = await db.WorkflowRuns.IgnoreQueryFilters()
            .Where(r => r.TenantId == e.TenantId && r.Status == WorkflowRunStatuses.Waiting && !r.ResumeDue && r.WaitEventType == e.Type && (r.WaitLeadId == null || r.WaitLeadId == e.LeadId))
            .ToListAsync(ct);
        // Tracked rows an earlier event of this batch already resumed come back unchanged in memory: leave them.
        waiting = waiting.Where(r => !r.ResumeDue).ToList();
        if (waiting.Count == 0) return;
        var resume = new JsonObject { ["event_id"] = e.Id.ToString(), ["type"] = e.Type, ["payload"] = ParsePayload(e.Payload) }.ToJsonString();
        foreach (var run in waiting)
        {
            run.ResumeDue = true;
            run.ResumePayload = resume;
        }
        starter.WakeAfterSave(db);
    }

    /// <summary>What a trigger's filter reads: the lead's API fields at the top (<c>source=eq.meta_ads</c>), the payload's fields that the lead has not, and <c>lead</c>, <c>payload</c>, <c>event</c>.</summary>
    internal static async Task<JsonObject> FilterTargetAsync(CrmDbContext db, CrmEvent e, JsonNode? payload, CancellationToken ct)
    {
        var target = new JsonObject();
        if (e.LeadId is { } leadId && await db.Leads.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId && l.TenantId == e.TenantId, ct) is { } lead)
        {
            var scope = new WorkflowScope().WithLead(LeadQuery.ToDto(lead, null, false, 0, null));
            var json = (JsonObject)scope.Root["lead"]!;
            foreach (var (key, value) in json) target[key] = value?.DeepClone();
            target["lead"] = json.DeepClone();
        }
        if (payload is JsonObject fields)
            foreach (var (key, value) in fields)
                if (!target.ContainsKey(key)) target[key] = value?.DeepClone();
        target["payload"] = payload?.DeepClone();
        target["event"] = new JsonObject { ["type"] = e.Type, ["payload"] = payload?.DeepClone() };
        return target;
    }

    /// <summary>The correlation and depth of a run this event starts: one level below the run that wrote it, else a new chain.</summary>
    private static async Task<(Guid, int)> ChainAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
    {
        if (e.ActorType != ActorType.Workflow || !Guid.TryParse(e.CorrelationId, out var correlation)) return (Ids.New(), 0);
        var depth = await db.WorkflowRuns.IgnoreQueryFilters().Where(r => r.TenantId == e.TenantId && r.CorrelationId == correlation).MaxAsync(r => (int?)r.Depth, ct);
        return (correlation, (depth ?? -1) + 1);
    }

    private static JsonNode? ParsePayload(string payload)
    {
        try { return JsonNode.Parse(payload); }
        catch (JsonException) { return null; }
    }
}
