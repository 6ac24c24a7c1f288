using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>GET /api/v1/workflows/{id}/funnel</c>: the questions of the workflow's latest published graph (the draft's before any
/// publish) with how many runs reached, answered and dropped each (<see cref="BotFunnel"/>), read from the runs' step rows.
/// </summary>
public sealed class BotFunnelService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access)
{
    public async Task<IReadOnlyList<BotFunnelStep>> FunnelAsync(Guid workflowId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workflowId, ct) ?? throw new NotFoundException("Workflow", workflowId);
        var published = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflowId).OrderByDescending(v => v.Version).Select(v => v.Graph).FirstOrDefaultAsync(ct);
        var graph = WorkflowJson.Deserialize(published ?? workflow.Graph);
        return BotFunnel.Compute(graph, await RowsAsync(db, workflowId, ct));
    }

    private static async Task<List<BotFunnelRow>> RowsAsync(CrmDbContext db, Guid workflowId, CancellationToken ct)
    {
        return await (from s in db.WorkflowRunSteps.AsNoTracking()
                      join r in db.WorkflowRuns.AsNoTracking() on s.RunId equals r.Id
                      where r.WorkflowId == workflowId && s.Type == WorkflowNodeCatalog.AskWhatsApp
                      select new BotFunnelRow(s.RunId, s.NodeId, s.Type, s.Output)).ToListAsync(ct);
    }
}
