using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// The event triggers of each workspace's active workflows, read once per workspace and kept for a few seconds
/// (<see cref="Lifetime"/>). Publishing, activating, editing or deleting a workflow here drops the workspace's entry at
/// once; another instance sees the change when its entry expires.
/// </summary>
public sealed class WorkflowTriggerCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (DateTime ReadAt, IReadOnlyList<WorkflowTrigger> Triggers)> _entries = new();

    public async Task<IReadOnlyList<WorkflowTrigger>> GetAsync(CrmDbContext db, Guid tenantId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(tenantId, out var entry) && now - entry.ReadAt < Lifetime) return entry.Triggers;
        var graphs = await (from w in db.Workflows.IgnoreQueryFilters()
                            join v in db.WorkflowVersions.IgnoreQueryFilters() on new { w.Id, w.Version } equals new { Id = v.WorkflowId, v.Version }
                            where w.TenantId == tenantId && w.IsActive && w.Version > 0
                            select new { w.Id, w.Version, v.Graph }).AsNoTracking().ToListAsync(ct);
        var triggers = new List<WorkflowTrigger>();
        foreach (var g in graphs)
        {
            foreach (var node in WorkflowJson.Deserialize(g.Graph).Nodes ?? [])
            {
                if (node.Type != WorkflowNodeCatalog.Trigger || node.Id is null || WorkflowQueueProcessor.Setting(node, "kind") != TriggerKinds.Event) continue;
                if (WorkflowQueueProcessor.Setting(node, "event_type") is { } type)
                    triggers.Add(new WorkflowTrigger(g.Id, g.Version, node.Id, type, WorkflowQueueProcessor.Setting(node, "filter")));
            }
        }
        _entries[tenantId] = (now, triggers);
        return triggers;
    }

    /// <summary>Forgets a workspace's triggers (its workflows changed).</summary>
    public void Invalidate(Guid tenantId) => _entries.TryRemove(tenantId, out _);
}
