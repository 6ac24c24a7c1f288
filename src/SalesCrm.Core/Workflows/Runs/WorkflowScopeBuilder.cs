using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Builds a run's <see cref="WorkflowScope"/> before each step: the lead as the API shows it now, the triggering event,
/// the run input, every completed step's output, and the workspace (zone, culture).
/// </summary>
public sealed class WorkflowScopeBuilder(LeadQuery leads, TimeProvider time, IEnumerable<IWorkflowScopeContributor>? contributors = null)
{
    /// <summary>The workspace's name and settings, read once per DI scope (one claim of a run runs its steps in one scope).</summary>
    private (Guid TenantId, string? Name, TenantSettings? Settings)? _tenant;

    /// <summary>The scope with every completed step's output read from the database.</summary>
    public async Task<WorkflowScope> BuildAsync(CrmDbContext db, WorkflowRun run, CancellationToken ct) =>
        await BuildAsync(db, run, await OutputsAsync(db, run.Id, ct), ct);

    /// <summary>
    /// The scope with the completed steps' outputs the caller holds (<paramref name="outputs"/>: node id → output JSON, in
    /// the order the steps completed; a later visit of a node overrides an earlier one), so a claim that runs several steps
    /// reads them once.
    /// </summary>
    public async Task<WorkflowScope> BuildAsync(CrmDbContext db, WorkflowRun run, IReadOnlyList<KeyValuePair<string, string?>> outputs, CancellationToken ct)
    {
        if (_tenant?.TenantId != run.TenantId)
        {
            var row = await db.Tenants.AsNoTracking().Where(t => t.Id == run.TenantId).Select(t => new { t.Name, t.Settings }).FirstOrDefaultAsync(ct);
            _tenant = (run.TenantId, row?.Name, row?.Settings);
        }
        var (_, name, settings) = _tenant.Value;
        var zone = WorkspaceTimeZones.Find(settings?.TimeZone) ?? WorkspaceTimeZones.Default;
        var culture = CultureInfo.GetCultureInfo(settings?.Culture ?? "pt-BR");
        var scope = new WorkflowScope(new JsonObject(), zone, culture, time);
        if (run.LeadId is { } leadId && await LeadAsync(db, leadId, ct) is { } lead) scope.WithLead(lead);
        if (run.TriggerEvent is not null && JsonNode.Parse(run.TriggerEvent) is JsonObject e)
            scope.WithEvent(e["type"]?.GetValue<string>() ?? "", e["payload"]?.DeepClone());
        scope.WithRun(run.Id, run.Input is null ? null : JsonNode.Parse(run.Input));
        foreach (var (nodeId, output) in outputs) scope.WithNodeOutput(nodeId, output is null ? null : JsonNode.Parse(output));
        var workspace = new JsonObject
        {
            ["name"] = name, ["time_zone"] = zone.Id, ["culture"] = culture.Name, ["currency"] = settings?.DefaultCurrency,
        };
        foreach (var contributor in contributors ?? []) await contributor.ContributeAsync(db, run, workspace, ct);
        scope.WithWorkspace(workspace);
        return scope;
    }

    /// <summary>The run's completed steps' outputs (node id → output JSON), in the order they started.</summary>
    public static async Task<List<KeyValuePair<string, string?>>> OutputsAsync(CrmDbContext db, Guid runId, CancellationToken ct) =>
        (await db.WorkflowRunSteps.AsNoTracking().Where(s => s.RunId == runId && s.Status == WorkflowStepStatuses.Completed)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id).Select(s => new { s.NodeId, s.Output }).ToListAsync(ct))
        .Select(s => new KeyValuePair<string, string?>(s.NodeId, s.Output)).ToList();

    /// <summary>The lead in its API shape, or null when it is gone.</summary>
    public async Task<LeadDto?> LeadAsync(CrmDbContext db, Guid leadId, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, ct);
        return lead is null ? null : (await leads.MapAsync(db, [lead], ct))[0];
    }
}
