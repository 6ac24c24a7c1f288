using Microsoft.EntityFrameworkCore;
using Quartz;
using SalesCrm.Core.Data;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Triggers;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// Keeps one Quartz job per workflow with <c>schedule</c> triggers in the app's scheduler (on PostgreSQL the clustered
/// store, so a trigger fires on one instance): one cron trigger per trigger node, in the workspace's time zone. Publishing
/// or switching on replaces the triggers with the published version's; switching off or deleting removes the job.
/// </summary>
public sealed class WorkflowSchedules(ISchedulerFactory schedulers, WorkspaceTimeZones zones) : IWorkflowActivationListener
{
    public const string Group = "workflows";

    public static JobKey JobOf(Guid workflowId) => new($"workflow-{workflowId:N}", Group);

    public static TriggerKey TriggerOf(Guid workflowId, string nodeId) => new($"workflow-{workflowId:N}-{nodeId}", Group);

    public async Task ChangedAsync(CrmDbContext db, Workflow workflow, bool deleted, CancellationToken ct)
    {
        var graph = deleted || !workflow.IsActive || workflow.Version == 0 ? null
            : await db.WorkflowVersions.AsNoTracking().IgnoreQueryFilters()
                .Where(v => v.WorkflowId == workflow.Id && v.Version == workflow.Version).Select(v => v.Graph).FirstOrDefaultAsync(ct);
        await ApplyAsync(workflow.TenantId, workflow.Id, graph, ct);
    }

    /// <summary>Makes the scheduler hold exactly the schedule triggers of <paramref name="publishedGraph"/> (none when null).</summary>
    public async Task ApplyAsync(Guid tenantId, Guid workflowId, string? publishedGraph, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobOf(workflowId);
        var nodes = publishedGraph is null ? [] : WorkflowJson.Deserialize(publishedGraph).Nodes ?? [];
        var zone = zones.For(tenantId);
        var triggers = new List<ITrigger>();
        foreach (var node in nodes.Where(n => n.Type == WorkflowNodeCatalog.Trigger && n.Id is not null))
        {
            var settings = WorkflowTriggerNodes.Of(new WorkflowGraph([node], []), TriggerKinds.Schedule);
            if (settings.Count == 0 || !settings[0].TryGetProperty("cron", out var cron) || cron.GetString() is not { } expression || !IsCron(expression)) continue;
            triggers.Add(TriggerBuilder.Create().WithIdentity(TriggerOf(workflowId, node.Id!)).ForJob(job)
                .WithCronSchedule(expression, c => c.InTimeZone(zone))
                .UsingJobData(WorkflowScheduleJob.NodeKey, node.Id!).Build());
        }
        if (triggers.Count == 0)
        {
            await scheduler.DeleteJob(job, ct);
            return;
        }
        var detail = JobBuilder.Create<WorkflowScheduleJob>().WithIdentity(job)
            .UsingJobData(WorkflowScheduleJob.TenantKey, tenantId.ToString()).UsingJobData(WorkflowScheduleJob.WorkflowKey, workflowId.ToString())
            .StoreDurably(false).Build();
        // Replacing keeps the keys of nodes still there; triggers of nodes a republish removed are unscheduled.
        var kept = triggers.Select(t => t.Key).ToHashSet();
        foreach (var old in await scheduler.GetTriggersOfJob(job, ct))
            if (!kept.Contains(old.Key)) await scheduler.UnscheduleJob(old.Key, ct);
        await scheduler.ScheduleJob(detail, triggers, ScheduleJobOptions.Replacing, ct);
    }

    private static bool IsCron(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Declares the schedules of every active workflow (start-up: the in-memory store begins empty; the clustered one is brought up to date).</summary>
    public async Task ApplyAllAsync(CrmDbContext db, CancellationToken ct)
    {
        var active = await db.Workflows.IgnoreQueryFilters().AsNoTracking().Where(w => w.IsActive && w.Version > 0)
            .Join(db.WorkflowVersions.IgnoreQueryFilters(), w => new { w.Id, w.Version }, v => new { Id = v.WorkflowId, v.Version }, (w, v) => new { w.TenantId, w.Id, v.Graph })
            .ToListAsync(ct);
        foreach (var w in active.Where(w => WorkflowTriggerNodes.Of(w.Graph, TriggerKinds.Schedule).Count > 0))
            await ApplyAsync(w.TenantId, w.Id, w.Graph, ct);
    }
}
