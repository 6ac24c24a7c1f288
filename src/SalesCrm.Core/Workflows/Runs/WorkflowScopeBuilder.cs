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
    public async Task<WorkflowScope> BuildAsync(CrmDbContext db, WorkflowRun run, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == run.TenantId).Select(t => new { t.Name, t.Settings }).FirstOrDefaultAsync(ct);
        var zone = WorkspaceTimeZones.Find(tenant?.Settings.TimeZone) ?? WorkspaceTimeZones.Default;
        var culture = CultureInfo.GetCultureInfo(tenant?.Settings.Culture ?? "pt-BR");
        var scope = new WorkflowScope(new JsonObject(), zone, culture, time);
        if (run.LeadId is { } leadId && await LeadAsync(db, leadId, ct) is { } lead) scope.WithLead(lead);
        if (run.TriggerEvent is not null && JsonNode.Parse(run.TriggerEvent) is JsonObject e)
            scope.WithEvent(e["type"]?.GetValue<string>() ?? "", e["payload"]?.DeepClone());
        scope.WithRun(run.Id, run.Input is null ? null : JsonNode.Parse(run.Input));
        var outputs = await db.WorkflowRunSteps.AsNoTracking().Where(s => s.RunId == run.Id && s.Status == WorkflowStepStatuses.Completed)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id).Select(s => new { s.NodeId, s.Output }).ToListAsync(ct);
        foreach (var step in outputs) scope.WithNodeOutput(step.NodeId, step.Output is null ? null : JsonNode.Parse(step.Output));
        var workspace = new JsonObject
        {
            ["name"] = tenant?.Name, ["time_zone"] = zone.Id, ["culture"] = culture.Name, ["currency"] = tenant?.Settings.DefaultCurrency,
        };
        foreach (var contributor in contributors ?? []) await contributor.ContributeAsync(db, run, workspace, ct);
        scope.WithWorkspace(workspace);
        return scope;
    }

    /// <summary>The lead in its API shape, or null when it is gone.</summary>
    public async Task<LeadDto?> LeadAsync(CrmDbContext db, Guid leadId, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, ct);
        return lead is null ? null : (await leads.MapAsync(db, [lead], ct))[0];
    }
}
