using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Who a run acts as: a trusted internal actor of type <see cref="ActorType.Workflow"/> inside the run's workspace,
/// named after the workflow, whose correlation id is the run's, so every event its actions write carries it (loop guard).
/// </summary>
public static class WorkflowActor
{
    /// <summary>
    /// The stored actor name is this prefix and the workflow's name (<c>Workflow: Boas-vindas Meta</c>): language-neutral
    /// data that pages word in the reader's language (<c>ActorNames</c> on the web side).
    /// </summary>
    public const string NamePrefix = "Workflow: ";

    public static FixedCurrentUser For(Guid tenantId, Guid correlationId, string? workflowName) =>
        FixedCurrentUser.Internal(tenantId, ActorType.Workflow, NamePrefix + (workflowName ?? "?"), correlationId.ToString());

    /// <summary>The actor of the claimed row <paramref name="heads"/> selects, with its workflow's name, in one query; null when it selects nothing.</summary>
    public static async Task<FixedCurrentUser?> ForAsync(CrmDbContext system, IQueryable<WorkflowClaimHead> heads, CancellationToken ct)
    {
        var head = await heads.Select(h => new
        {
            h.TenantId, h.CorrelationId, Name = system.Workflows.IgnoreQueryFilters().Where(w => w.Id == h.WorkflowId).Select(w => w.Name).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        return head is null ? null : For(head.TenantId, head.CorrelationId, head.Name);
    }
}
