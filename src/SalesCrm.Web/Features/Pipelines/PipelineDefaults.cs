using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;

namespace SalesCrm.Web.Features.Pipelines;

public static class PipelineDefaults
{
    /// <summary>Gives every tenant without a pipeline the default one (tenants created before pipelines existed).</summary>
    public static async Task EnsureDefaultPipelinesAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        var missing = await db.Tenants.Where(t => !db.Pipelines.IgnoreQueryFilters().Any(p => p.TenantId == t.Id)).Select(t => t.Id).ToListAsync(ct);
        foreach (var tenantId in missing) db.Pipelines.Add(PipelineService.NewDefault(tenantId, DateTime.UtcNow));
        if (missing.Count > 0) await db.SaveChangesAsync(ct);
    }

    /// <summary>Fills the folded search text of leads stored before search used it (see <see cref="LeadSearch.BackfillAsync"/>).</summary>
    public static async Task BackfillLeadSearchAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        await LeadSearch.BackfillAsync(db, ct);
    }
}
