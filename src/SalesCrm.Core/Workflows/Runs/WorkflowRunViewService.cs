using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// What the runs pages need beside <see cref="WorkflowRunService"/>: names for the ids a run carries and the graph of the
/// version a run ran on, readable with <c>leads.read</c> like the runs themselves (the workflow API needs
/// <c>workflows.manage</c>), and the workflows a lead page may start by hand.
/// </summary>
public sealed class WorkflowRunViewService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, WorkflowRunService runs)
{
    /// <summary>The workspace's workflows by id → name (for the runs list's column and filter).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> WorkflowNamesAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Workflows.AsNoTracking().OrderBy(w => w.Name).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
    }

    /// <summary>The names of those of <paramref name="ids"/> the actor may see.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> LeadNamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, string>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await leads.VisibleAsync(db, ct)).AsNoTracking().Where(l => wanted.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
    }

    /// <summary>The run (visibility as <see cref="WorkflowRunService.GetAsync"/>) with the graph of the version it started on.</summary>
    public async Task<WorkflowRunView> GetAsync(Guid runId, CancellationToken ct = default)
    {
        var run = await runs.GetAsync(runId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().Where(w => w.Id == run.WorkflowId).Select(w => new { w.Name, w.Graph }).FirstOrDefaultAsync(ct);
        var version = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == run.WorkflowId && v.Version == run.Version).Select(v => v.Graph).FirstOrDefaultAsync(ct);
        var graph = version ?? workflow?.Graph;
        var leadName = run.LeadId is { } leadId ? (await LeadNamesAsync([leadId], ct)).GetValueOrDefault(leadId) : null;
        return new WorkflowRunView(run, workflow?.Name ?? "", graph is null ? WorkflowGraph.Empty() : WorkflowJson.Deserialize(graph), leadName);
    }

    /// <summary>Active workflows whose published version starts with a manual trigger: the ones "Executar automação" offers.</summary>
    public async Task<IReadOnlyList<WorkflowSummaryDto>> ManualWorkflowsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await (from w in db.Workflows.AsNoTracking()
                            join v in db.WorkflowVersions.AsNoTracking() on new { w.Id, w.Version } equals new { Id = v.WorkflowId, v.Version }
                            where w.IsActive
                            select new { w.Id, w.Name, w.Description, w.Version, w.CreatedAt, w.UpdatedAt, v.Graph }).ToListAsync(ct);
        return active.Where(w => IsManual(WorkflowJson.Deserialize(w.Graph))).OrderBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(w => new WorkflowSummaryDto(w.Id, w.Name, w.Description, true, w.Version, w.CreatedAt, w.UpdatedAt)).ToList();
    }

    private static bool IsManual(WorkflowGraph graph) => (graph.Nodes ?? []).Any(n => n.Type == WorkflowNodeCatalog.Trigger
        && n.Settings is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
        && kind.GetString() == TriggerKinds.Manual);
}
